package org.originbridge.sandbox.dcsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoyagePlanTest {

    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    static ConsignmentRequest consignment(String tdr) {
        return new ConsignmentRequest(tdr, "BKG-" + tdr, List.of("MSKU1234565", "TGHU7654321"),
                List.of("CNYSA", "VNCMT", "MYPKG"), "9321483", "2411W");
    }

    @Test
    void aVoyageIsReceiptIssueLoadDepartTransitArriveDischarge() {
        List<DcsaEvent> events = VoyagePlan.events(consignment("TRD-1"), T0, Duration.ofSeconds(2));

        assertThat(events).extracting(e -> e.eventType() + ":" + code(e) + "@" + location(e) + (e.equipmentReference() == null ? "" : "/" + e.equipmentReference()))
                .containsExactly(
                        "SHIPMENT:RECE@-", "SHIPMENT:ISSU@-",
                        "EQUIPMENT:GTIN@CNYSA/MSKU1234565", "EQUIPMENT:LOAD@CNYSA/MSKU1234565",
                        "EQUIPMENT:GTIN@CNYSA/TGHU7654321", "EQUIPMENT:LOAD@CNYSA/TGHU7654321",
                        "TRANSPORT:DEPA@CNYSA",
                        "TRANSPORT:ARRI@VNCMT", "TRANSPORT:DEPA@VNCMT",
                        "TRANSPORT:ARRI@MYPKG",
                        "EQUIPMENT:DISC@MYPKG/MSKU1234565", "EQUIPMENT:GTOT@MYPKG/MSKU1234565",
                        "EQUIPMENT:DISC@MYPKG/TGHU7654321", "EQUIPMENT:GTOT@MYPKG/TGHU7654321");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.eventClassifierCode()).isEqualTo("ACT");
            assertThat(e.documentReferences()).extracting(DcsaEvent.DocumentReference::documentReferenceType).containsExactly("BKG", "TRD");
            assertThat(e.retractedEventID()).isNull();
        });
        assertThat(events.get(3).eventDateTime()).isEqualTo(T0.plusSeconds(6));
        assertThat(events.get(3).transportCall().vessel().vesselIMONumber()).isEqualTo("9321483");
        assertThat(events.get(3).transportCall().modeOfTransport()).isEqualTo("VESSEL");
    }

    @Test
    void eventIdsAreStablePerDocumentAndPosition() {
        List<DcsaEvent> first = VoyagePlan.events(consignment("TRD-1"), T0, Duration.ofSeconds(2));
        List<DcsaEvent> again = VoyagePlan.events(consignment("TRD-1"), T0.plusSeconds(99), Duration.ofSeconds(5));
        List<DcsaEvent> other = VoyagePlan.events(consignment("TRD-2"), T0, Duration.ofSeconds(2));

        assertThat(again).extracting(DcsaEvent::eventID).isEqualTo(first.stream().map(DcsaEvent::eventID).toList());
        assertThat(other.get(0).eventID()).isNotEqualTo(first.get(0).eventID());
        assertThat(first).extracting(DcsaEvent::eventID).doesNotHaveDuplicates();
    }

    private static String code(DcsaEvent e) {
        return switch (e.eventType()) {
            case "SHIPMENT" -> e.shipmentEventTypeCode();
            case "EQUIPMENT" -> e.equipmentEventTypeCode();
            default -> e.transportEventTypeCode();
        };
    }

    private static String location(DcsaEvent e) {
        return e.transportCall() == null ? "-" : e.transportCall().UNLocationCode();
    }
}
