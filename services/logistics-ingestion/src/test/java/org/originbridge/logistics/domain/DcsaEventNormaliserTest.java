package org.originbridge.logistics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.originbridge.logistics.DcsaEvents;

import org.originbridge.origin.FieldError;

class DcsaEventNormaliserTest {

    private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");
    private final DcsaEventNormaliser normaliser = new DcsaEventNormaliser(Clock.fixed(NOW, ZoneOffset.UTC));

    private NodeEvent one(DcsaEvents event) {
        List<NodeEvent> events = normaliser.normaliseBatch(event.build());
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private List<FieldError> problems(Object body) {
        try {
            normaliser.normaliseBatch(body);
        } catch (InvalidEventsException e) {
            return e.problems();
        }
        throw new AssertionError("expected the body to be refused");
    }

    @Test
    void normalisesAValidEquipmentEvent() {
        NodeEvent e = one(DcsaEvents.equipmentDischarge("e-1"));

        assertThat(e.eventId()).isEqualTo("e-1");
        assertThat(e.source()).isEqualTo(NodeEvent.Source.DCSA);
        assertThat(e.eventType()).isEqualTo(NodeEvent.Type.EQUIPMENT);
        assertThat(e.classifier()).isEqualTo(NodeEvent.Classifier.ACT);
        assertThat(e.eventCode()).isEqualTo("DISC");
        assertThat(e.eventDateTime()).isEqualTo(Instant.parse("2026-11-19T23:42:00Z"));
        assertThat(e.eventCreatedDateTime()).isEqualTo(Instant.parse("2026-11-20T07:45:10Z"));
        assertThat(e.location().code()).isEqualTo("MYPKG");
        assertThat(e.nodeName()).isEqualTo("Port Klang");
        assertThat(e.vesselImo()).isEqualTo("9806079");
        assertThat(e.carrierVoyageNumber()).isEqualTo("062W");
        assertThat(e.modeOfTransport()).isEqualTo("VESSEL");
        assertThat(e.equipmentReference()).isEqualTo("ONEU1234566");
        assertThat(e.bookingReference()).isEqualTo("SHAB1234567");
        assertThat(e.transportDocumentReference()).isEqualTo("ONEYSHAB1234567");
        assertThat(e.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void aliasCnshaBecomesCnsghWithItsNodeName() {
        NodeEvent e = one(DcsaEvents.vesselDeparture("e-2").transportCall("UNLocationCode", "CNSHA"));
        assertThat(e.location().code()).isEqualTo("CNSGH");
        assertThat(e.nodeName()).isEqualTo("Shanghai");
    }

    @Test
    void keyIsTransportDocumentElseBookingElseEquipment() {
        assertThat(one(DcsaEvents.equipmentDischarge("k1")).key()).isEqualTo("ONEYSHAB1234567");
        assertThat(one(DcsaEvents.equipmentDischarge("k2").references("BKG", "SHAB1234567")).key()).isEqualTo("SHAB1234567");
        assertThat(one(DcsaEvents.equipmentDischarge("k3").references()).key()).isEqualTo("ONEU1234566");
    }

    @Test
    void anEventWithNothingToKeyByIsRefused() {
        assertThat(problems(DcsaEvents.vesselDeparture("k4").references().build()))
                .extracting(FieldError::field).containsExactly("documentReferences");
    }

    @Test
    void arrayProblemsNameTheIndexOfEachBadEvent() {
        List<Object> batch = List.of(
                DcsaEvents.equipmentDischarge("ok").build(),
                DcsaEvents.equipmentDischarge("bad-1").with("eventType", "CARGO").build(),
                DcsaEvents.vesselDeparture("bad-2").transportCall("UNLocationCode", "XX1").build());

        assertThat(problems(batch)).extracting(FieldError::field)
                .containsExactly("[1].eventType", "[2].transportCall.UNLocationCode");
    }

    @Test
    void requiredFieldsAreNamed() {
        Map<String, Object> empty = new java.util.HashMap<>();
        assertThat(problems(empty)).extracting(FieldError::field)
                .contains("eventID", "eventType", "eventClassifierCode", "eventDateTime", "eventCreatedDateTime");
    }

    @Test
    void codeMustBelongToTheEventType() {
        assertThat(problems(DcsaEvents.equipmentDischarge("c1").with("equipmentEventTypeCode", "ARRI").build()))
                .extracting(FieldError::field).containsExactly("equipmentEventTypeCode");
        assertThat(problems(DcsaEvents.vesselDeparture("c2").without("transportEventTypeCode").build()))
                .extracting(FieldError::field).containsExactly("transportEventTypeCode");
        assertThat(one(DcsaEvents.vesselDeparture("c3").with("transportEventTypeCode", "ARRI")).eventCode()).isEqualTo("ARRI");
    }

    @Test
    void shipmentEventsNeedNoTransportCall() {
        NodeEvent e = one(DcsaEvents.equipmentDischarge("s1").with("eventType", "SHIPMENT")
                .without("equipmentEventTypeCode").with("shipmentEventTypeCode", "ISSU").without("transportCall"));
        assertThat(e.eventType()).isEqualTo(NodeEvent.Type.SHIPMENT);
        assertThat(e.location()).isNull();
    }

    @Test
    void classifierMustBeKnown() {
        assertThat(problems(DcsaEvents.equipmentDischarge("x").with("eventClassifierCode", "REQ").build()))
                .extracting(FieldError::field).containsExactly("eventClassifierCode");
    }

    @Test
    void timestampsNeedAnOffset() {
        assertThat(problems(DcsaEvents.equipmentDischarge("t1").with("eventDateTime", "2026-11-20T07:42:00").build()))
                .extracting(FieldError::field).containsExactly("eventDateTime");
        assertThat(problems(DcsaEvents.equipmentDischarge("t2").with("eventCreatedDateTime", 1763624710).build()))
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(tuple("eventCreatedDateTime", "must be a string"));
    }

    @Test
    void actualEventsCannotLieInTheFutureButEstimatesMay() {
        String later = "2026-11-22T00:00:00Z";
        assertThat(problems(DcsaEvents.equipmentDischarge("f1").with("eventDateTime", later).build()))
                .extracting(FieldError::field).containsExactly("eventDateTime");
        assertThat(one(DcsaEvents.equipmentDischarge("f2").with("eventDateTime", later)
                .with("eventClassifierCode", "EST")).eventDateTime()).isEqualTo(Instant.parse(later));
    }

    @Test
    void transportAndEquipmentEventsNeedALocation() {
        assertThat(problems(DcsaEvents.vesselDeparture("l1").without("transportCall").build()))
                .extracting(FieldError::field).containsExactly("transportCall");
        assertThat(problems(DcsaEvents.equipmentDischarge("l2").transportCall("UNLocationCode", null).build()))
                .extracting(FieldError::field).containsExactly("transportCall.UNLocationCode");
    }

    @Test
    void vesselModeAndEquipmentFormatsAreChecked() {
        assertThat(problems(DcsaEvents.equipmentDischarge("v1")
                .transportCall("vessel", Map.of("vesselIMONumber", "98060")).transportCall("modeOfTransport", "SHIP")
                .with("equipmentReference", "oneu 123").build()))
                .extracting(FieldError::field).containsExactlyInAnyOrder("transportCall.vessel.vesselIMONumber",
                        "transportCall.modeOfTransport", "equipmentReference");
        assertThat(problems(DcsaEvents.equipmentDischarge("v2").without("equipmentReference").build()))
                .extracting(FieldError::field).containsExactly("equipmentReference");
    }

    @Test
    void documentReferencesMustBeBookingOrTransportDocument() {
        assertThat(problems(DcsaEvents.equipmentDischarge("d1").references("INV", "123", "TRD", " ").build()))
                .extracting(FieldError::field).containsExactly("documentReferences[0].documentReferenceType",
                        "documentReferences[1].documentReferenceValue");
    }

    @Test
    void retractionsKeepTheRetractedId() {
        assertThat(one(DcsaEvents.equipmentDischarge("r1").with("retractedEventID", "e-1")).retractedEventId())
                .isEqualTo("e-1");
    }

    @Test
    void bodyMustBeAnEventOrANonEmptyArray() {
        assertThat(problems(List.of())).extracting(FieldError::field).containsExactly("body");
        assertThat(problems("text")).extracting(FieldError::field).containsExactly("body");
        assertThat(problems(List.of("x"))).extracting(FieldError::field).containsExactly("[0]");
    }

    @Test
    void aFeedEventIsJudgedAlone() {
        DcsaEventNormaliser.Result bad = normaliser.normaliseOne(
                DcsaEvents.equipmentDischarge("p1").with("eventType", "X").build(), "[3]");
        assertThat(bad.valid()).isFalse();
        assertThat(bad.problems()).extracting(FieldError::field).containsExactly("[3].eventType");
        assertThat(normaliser.normaliseOne(DcsaEvents.equipmentDischarge("p2").build(), "[4]").valid()).isTrue();
    }

    @Test
    void unknownFieldsOfTheFeedAreIgnored() {
        assertThat(one(DcsaEvents.equipmentDischarge("u1").with("emptyIndicatorCode", "LADEN")
                .with("documentID", "X")).eventId()).isEqualTo("u1");
    }

    @Test
    void invalidBatchPublishesNothingEvenForItsValidEvents() {
        assertThatThrownBy(() -> normaliser.normaliseBatch(List.of(DcsaEvents.equipmentDischarge("a").build(),
                DcsaEvents.equipmentDischarge("b").without("eventID").build())))
                .isInstanceOf(InvalidEventsException.class).hasMessageContaining("[1].eventID");
    }
}
