package org.originbridge.logistics.domain;

import java.util.Map;
import java.util.Set;

/** The DCSA Track and Trace event codes allowed per event type (docs: /work/shared/DOMAIN.md). */
public final class EventCodes {

    private static final Map<NodeEvent.Type, Set<String>> CODES = Map.of(
            NodeEvent.Type.TRANSPORT, Set.of("ARRI", "DEPA"),
            NodeEvent.Type.EQUIPMENT, Set.of("LOAD", "DISC", "GTIN", "GTOT", "STUF", "STRP", "PICK", "AVPU", "DROP",
                    "AVDO", "INSP", "RSEA", "RMVD", "CUSS", "CUSI", "CUSR", "CROS"),
            NodeEvent.Type.SHIPMENT, Set.of("RECE", "DRFT", "PENA", "PENU", "PENC", "CONF", "REJE", "APPR", "ISSU",
                    "SURR", "SUBM", "VOID", "REQS", "CMPL", "HOLD", "RELS", "CANC"));

    private static final Map<NodeEvent.Type, String> CODE_FIELDS = Map.of(
            NodeEvent.Type.TRANSPORT, "transportEventTypeCode",
            NodeEvent.Type.EQUIPMENT, "equipmentEventTypeCode",
            NodeEvent.Type.SHIPMENT, "shipmentEventTypeCode");

    private EventCodes() {
    }

    public static Set<String> allowed(NodeEvent.Type type) {
        return CODES.get(type);
    }

    public static boolean isAllowed(NodeEvent.Type type, String code) {
        return CODES.get(type).contains(code);
    }

    /** The JSON field that carries the code of an event of this type. */
    public static String codeField(NodeEvent.Type type) {
        return CODE_FIELDS.get(type);
    }
}
