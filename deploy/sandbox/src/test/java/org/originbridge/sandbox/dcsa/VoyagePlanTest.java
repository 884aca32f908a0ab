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

    /**
     * Issue 10: a transshipment port (the demo's Singapore between Yangshan and Port Klang) shows the containers
     * discharged and loaded again, in DCSA shape like the other ports; an intermediate port without a transshipment
     * keeps ARRI/DEPA only (the containers stay on board).
     */
    @Test
    void aTransshipmentPortHasTheContainersDischargedAndLoadedAgainBetweenArrivalAndDeparture() {
        ConsignmentRequest c = new ConsignmentRequest("TRD-T", "BKG-T", List.of("MSKU1234565", "TGHU7654321"),
                List.of("CNYSA", "VNCMT", "SGSIN", "MYPKG"), "9321483", "2411W", null, null, List.of("SGSIN"));

        List<DcsaEvent> events = VoyagePlan.events(c, T0, Duration.ofSeconds(2));

        assertThat(events).extracting(e -> e.eventType() + ":" + code(e) + "@" + location(e) + (e.equipmentReference() == null ? "" : "/" + e.equipmentReference()))
                .containsExactly(
                        "SHIPMENT:RECE@-", "SHIPMENT:ISSU@-",
                        "EQUIPMENT:GTIN@CNYSA/MSKU1234565", "EQUIPMENT:LOAD@CNYSA/MSKU1234565",
                        "EQUIPMENT:GTIN@CNYSA/TGHU7654321", "EQUIPMENT:LOAD@CNYSA/TGHU7654321",
                        "TRANSPORT:DEPA@CNYSA",
                        "TRANSPORT:ARRI@VNCMT", "TRANSPORT:DEPA@VNCMT",
                        "TRANSPORT:ARRI@SGSIN",
                        "EQUIPMENT:DISC@SGSIN/MSKU1234565", "EQUIPMENT:DISC@SGSIN/TGHU7654321",
                        "EQUIPMENT:LOAD@SGSIN/MSKU1234565", "EQUIPMENT:LOAD@SGSIN/TGHU7654321",
                        "TRANSPORT:DEPA@SGSIN",
                        "TRANSPORT:ARRI@MYPKG",
                        "EQUIPMENT:DISC@MYPKG/MSKU1234565", "EQUIPMENT:GTOT@MYPKG/MSKU1234565",
                        "EQUIPMENT:DISC@MYPKG/TGHU7654321", "EQUIPMENT:GTOT@MYPKG/TGHU7654321");
        List<DcsaEvent> atSingapore = events.stream().filter(e -> "SGSIN".equals(location(e))).toList();
        assertThat(atSingapore).allSatisfy(e -> {
            assertThat(e.eventClassifierCode()).isEqualTo("ACT");
            assertThat(e.transportCall().vessel().vesselIMONumber()).isEqualTo("9321483");
            assertThat(e.transportCall().carrierVoyageNumber()).isEqualTo("2411W");
            assertThat(e.transportCall().modeOfTransport()).isEqualTo("VESSEL");
            assertThat(e.documentReferences()).extracting(DcsaEvent.DocumentReference::documentReferenceValue)
                    .containsExactly("BKG-T", "TRD-T");
        });
        assertThat(atSingapore).filteredOn(e -> "EQUIPMENT".equals(e.eventType()))
                .allSatisfy(e -> assertThat(e.emptyIndicatorCode()).isEqualTo("LADEN"));
        // one step apart, in order, ids unique
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).eventDateTime()).isEqualTo(events.get(i - 1).eventDateTime().plusSeconds(2));
        }
        assertThat(events).extracting(DcsaEvent::eventID).doesNotHaveDuplicates();

        // with the schedule, plans and estimates stay on the TRANSPORT events
        ConsignmentRequest scheduled = new ConsignmentRequest("TRD-T", "BKG-T", c.equipmentReferences(), c.route(),
                "9321483", "2411W", true, null, List.of("SGSIN"));
        assertThat(VoyagePlan.events(scheduled, T0, Duration.ofSeconds(2)).stream()
                .filter(e -> !e.eventClassifierCode().equals("ACT")))
                .allSatisfy(e -> assertThat(e.eventType()).isEqualTo("TRANSPORT")).hasSize(6 + 3);
    }

    @Test
    void transshipmentPortsMustBeIntermediatePortsOfTheRouteNamedOnce() {
        List<String> route = List.of("CNYSA", "SGSIN", "MYPKG");
        assertThat(request(route, null).transshipmentProblem()).isNull();
        assertThat(request(route, List.of()).transshipmentProblem()).isNull();
        assertThat(request(route, List.of("SGSIN")).transshipmentProblem()).isNull();
        assertThat(request(route, List.of("CNYSA")).transshipmentProblem()).contains("not an intermediate port");
        assertThat(request(route, List.of("MYPKG")).transshipmentProblem()).contains("not an intermediate port");
        assertThat(request(route, List.of("LKCMB")).transshipmentProblem()).contains("not an intermediate port");
        assertThat(request(route, List.of("SGSIN", "SGSIN")).transshipmentProblem()).contains("twice");
        assertThat(request(List.of("CNYSA", "SGSIN", "VNCMT", "SGSIN", "MYPKG"), List.of("SGSIN")).transshipmentProblem())
                .contains("ambiguous");
    }

    private static ConsignmentRequest request(List<String> route, List<String> transshipmentPorts) {
        return new ConsignmentRequest("TRD-V", "BKG-V", List.of("MSKU1234565"), route, "9321483", "2411W", null, null,
                transshipmentPorts);
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

    @Test
    void withAScheduleEachTransportEventHasAPlanAndEachArrivalAnEstimateBeforeItHappens() {
        ConsignmentRequest c = consignment("TRD-S");
        ConsignmentRequest scheduled = new ConsignmentRequest(c.transportDocumentReference(), c.bookingReference(),
                c.equipmentReferences(), c.route(), c.vesselIMO(), c.carrierVoyageNumber(), true, null);
        Duration step = Duration.ofSeconds(10);

        List<DcsaEvent> events = VoyagePlan.events(scheduled, T0, step);

        List<DcsaEvent> actual = events.stream().filter(e -> e.eventClassifierCode().equals("ACT")).toList();
        assertThat(actual).isEqualTo(VoyagePlan.events(c, T0, step));
        List<DcsaEvent> plans = events.stream().filter(e -> e.eventClassifierCode().equals("PLN")).toList();
        assertThat(plans).extracting(e -> code(e) + "@" + location(e))
                .containsExactly("DEPA@CNYSA", "ARRI@VNCMT", "DEPA@VNCMT", "ARRI@MYPKG");
        assertThat(plans).allSatisfy(p -> assertThat(p.eventCreatedDateTime()).isEqualTo(T0));
        DcsaEvent actualArrival = actual.stream().filter(e -> "ARRI".equals(e.transportEventTypeCode())
                && location(e).equals("MYPKG")).findFirst().orElseThrow();
        assertThat(plans.get(3).eventDateTime()).isEqualTo(actualArrival.eventDateTime().minusSeconds(5));
        List<DcsaEvent> estimates = events.stream().filter(e -> e.eventClassifierCode().equals("EST")).toList();
        assertThat(estimates).extracting(e -> code(e) + "@" + location(e)).containsExactly("ARRI@VNCMT", "ARRI@MYPKG");
        assertThat(estimates.get(1).eventDateTime()).isEqualTo(actualArrival.eventDateTime());
        assertThat(estimates.get(1).eventCreatedDateTime()).isBefore(actualArrival.eventCreatedDateTime());
        assertThat(events).extracting(DcsaEvent::eventID).doesNotHaveDuplicates();
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
