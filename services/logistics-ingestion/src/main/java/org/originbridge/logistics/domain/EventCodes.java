package org.originbridge.logistics.domain;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The DCSA Track and Trace event codes allowed per event type: the enum of the type's code field in
 * {@link DcsaEventSchema} (docs: /work/shared/DOMAIN.md). Which field carries the code of which type is DCSA's
 * event model, not a schema fact, so it is written here.
 */
public final class EventCodes {

    private static final Map<NodeEvent.Type, String> CODE_FIELDS = Map.of(
            NodeEvent.Type.TRANSPORT, "transportEventTypeCode",
            NodeEvent.Type.EQUIPMENT, "equipmentEventTypeCode",
            NodeEvent.Type.SHIPMENT, "shipmentEventTypeCode");

    private EventCodes() {
    }

    public static Set<String> allowed(NodeEvent.Type type) {
        return new TreeSet<>(DcsaEventSchema.EVENT.property(codeField(type)).enumValues());
    }

    public static boolean isAllowed(NodeEvent.Type type, String code) {
        return DcsaEventSchema.EVENT.property(codeField(type)).enumValues().contains(code);
    }

    /** The JSON field that carries the code of an event of this type. */
    public static String codeField(NodeEvent.Type type) {
        return CODE_FIELDS.get(type);
    }
}
