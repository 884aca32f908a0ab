package org.originbridge.e2e;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** DCSA Track and Trace v2 events as JSON, the way a carrier pushes them to logistics-ingestion. */
final class Dcsa {

    private Dcsa() {
    }

    static String transport(String eventId, String code, Instant at, String unLocode, Declarations.Consignment c) {
        return "{\"eventID\":\"" + eventId + "\",\"eventType\":\"TRANSPORT\",\"eventClassifierCode\":\"ACT\","
                + "\"transportEventTypeCode\":\"" + code + "\",\"eventDateTime\":\"" + at + "\","
                + "\"eventCreatedDateTime\":\"" + at.plusSeconds(30) + "\","
                + transportCall(unLocode) + "," + references(c) + "}";
    }

    static String equipment(String eventId, String code, Instant at, String unLocode, Declarations.Consignment c) {
        return "{\"eventID\":\"" + eventId + "\",\"eventType\":\"EQUIPMENT\",\"eventClassifierCode\":\"ACT\","
                + "\"equipmentEventTypeCode\":\"" + code + "\",\"eventDateTime\":\"" + at + "\","
                + "\"eventCreatedDateTime\":\"" + at.plusSeconds(30) + "\",\"equipmentReference\":\"" + c.container() + "\","
                + "\"emptyIndicatorCode\":\"LADEN\","
                + transportCall(unLocode) + "," + references(c) + "}";
    }

    static String array(List<String> events) {
        return events.stream().collect(Collectors.joining(",", "[", "]"));
    }

    private static String transportCall(String unLocode) {
        return "\"transportCall\":{\"UNLocationCode\":\"" + unLocode + "\",\"vessel\":{\"vesselIMONumber\":\"9806079\"},"
                + "\"carrierVoyageNumber\":\"0021E\",\"modeOfTransport\":\"VESSEL\"}";
    }

    private static String references(Declarations.Consignment c) {
        return "\"documentReferences\":[{\"documentReferenceType\":\"BKG\",\"documentReferenceValue\":\"" + c.booking()
                + "\"},{\"documentReferenceType\":\"TRD\",\"documentReferenceValue\":\"" + c.transportDocument() + "\"}]";
    }
}
