package org.originbridge.logistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds DCSA Track and Trace events as parsed JSON trees (maps and lists), valid unless changed. */
public final class DcsaEvents {

    private final Map<String, Object> event = new LinkedHashMap<>();

    private DcsaEvents() {
    }

    /** An actual EQUIPMENT DISC at Port Klang with booking and transport document references. */
    public static DcsaEvents equipmentDischarge(String eventId) {
        DcsaEvents b = new DcsaEvents();
        b.event.put("eventID", eventId);
        b.event.put("eventType", "EQUIPMENT");
        b.event.put("eventClassifierCode", "ACT");
        b.event.put("equipmentEventTypeCode", "DISC");
        b.event.put("eventDateTime", "2026-11-20T07:42:00+08:00");
        b.event.put("eventCreatedDateTime", "2026-11-20T07:45:10Z");
        b.event.put("equipmentReference", "ONEU1234566");
        b.event.put("transportCall", new LinkedHashMap<>(Map.of(
                "UNLocationCode", "MYPKG",
                "vessel", new LinkedHashMap<>(Map.of("vesselIMONumber", "9806079")),
                "carrierVoyageNumber", "062W",
                "modeOfTransport", "VESSEL")));
        b.event.put("documentReferences", new ArrayList<>(List.of(
                new LinkedHashMap<>(Map.of("documentReferenceType", "BKG", "documentReferenceValue", "SHAB1234567")),
                new LinkedHashMap<>(Map.of("documentReferenceType", "TRD", "documentReferenceValue", "ONEYSHAB1234567")))));
        return b;
    }

    /** An actual TRANSPORT DEPA at Shanghai Yangshan. */
    public static DcsaEvents vesselDeparture(String eventId) {
        DcsaEvents b = equipmentDischarge(eventId);
        b.event.put("eventType", "TRANSPORT");
        b.event.remove("equipmentEventTypeCode");
        b.event.remove("equipmentReference");
        b.event.put("transportEventTypeCode", "DEPA");
        b.transportCall("UNLocationCode", "CNYSA");
        return b;
    }

    public DcsaEvents with(String field, Object value) {
        event.put(field, value);
        return this;
    }

    public DcsaEvents without(String field) {
        event.remove(field);
        return this;
    }

    @SuppressWarnings("unchecked")
    public DcsaEvents transportCall(String field, Object value) {
        Map<String, Object> call = (Map<String, Object>) event.get("transportCall");
        if (value == null) {
            call.remove(field);
        } else {
            call.put(field, value);
        }
        return this;
    }

    /** Replaces the document references with the given (type, value) pairs. */
    public DcsaEvents references(String... typeValuePairs) {
        List<Object> references = new ArrayList<>();
        for (int i = 0; i < typeValuePairs.length; i += 2) {
            references.add(new LinkedHashMap<>(Map.of("documentReferenceType", typeValuePairs[i],
                    "documentReferenceValue", typeValuePairs[i + 1])));
        }
        event.put("documentReferences", references);
        return this;
    }

    public Map<String, Object> build() {
        return event;
    }

    /** As JSON text (for HTTP tests). */
    public String json() {
        return Json.write(event);
    }

    /** Minimal JSON writer for maps, lists, strings and numbers. */
    public static final class Json {
        private Json() {
        }

        public static String write(Object value) {
            if (value == null) {
                return "null";
            }
            if (value instanceof String s) {
                return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            }
            if (value instanceof Number || value instanceof Boolean) {
                return value.toString();
            }
            if (value instanceof Map<?, ?> map) {
                StringBuilder sb = new StringBuilder("{");
                map.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append(write(k.toString())).append(':').append(write(v)));
                return sb.append('}').toString();
            }
            if (value instanceof List<?> list) {
                StringBuilder sb = new StringBuilder("[");
                for (Object item : list) {
                    sb.append(sb.length() > 1 ? "," : "").append(write(item));
                }
                return sb.append(']').toString();
            }
            throw new IllegalArgumentException("cannot write " + value.getClass());
        }

        public static String array(DcsaEvents... events) {
            List<Object> list = new ArrayList<>();
            for (DcsaEvents e : events) {
                list.add(e.build());
            }
            return write(list);
        }
    }
}
