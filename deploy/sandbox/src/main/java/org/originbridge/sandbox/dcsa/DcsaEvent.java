package org.originbridge.sandbox.dcsa;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * One DCSA Track and Trace v2 event (SHIPMENT, EQUIPMENT or TRANSPORT); fields that do not apply
 * to the event's type are absent from the JSON. A retraction carries {@code retractedEventID}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DcsaEvent(
        @JsonProperty("eventID") String eventID,
        String eventType,
        String eventClassifierCode,
        Instant eventCreatedDateTime,
        Instant eventDateTime,
        String shipmentEventTypeCode,
        String documentTypeCode,
        @JsonProperty("documentID") String documentID,
        String equipmentEventTypeCode,
        String equipmentReference,
        String emptyIndicatorCode,
        String transportEventTypeCode,
        TransportCall transportCall,
        List<DocumentReference> documentReferences,
        @JsonProperty("retractedEventID") String retractedEventID) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransportCall(
            @JsonProperty("UNLocationCode") String UNLocationCode,
            Vessel vessel,
            String carrierVoyageNumber,
            String modeOfTransport) {}

    public record Vessel(@JsonProperty("vesselIMONumber") String vesselIMONumber) {}

    public record DocumentReference(String documentReferenceType, String documentReferenceValue) {}

    /** A new event that retracts this one: same facts, new id, created now. */
    public DcsaEvent retraction(String newEventId, Instant createdAt) {
        return new DcsaEvent(newEventId, eventType, eventClassifierCode, createdAt, eventDateTime, shipmentEventTypeCode,
                documentTypeCode, documentID, equipmentEventTypeCode, equipmentReference, emptyIndicatorCode,
                transportEventTypeCode, transportCall, documentReferences, eventID);
    }
}
