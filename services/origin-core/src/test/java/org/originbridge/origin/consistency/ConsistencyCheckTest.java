package org.originbridge.origin.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConsistencyCheckTest {

    /** Yangshan's terminals and aliases are one node; names for the public line. */
    static final Ports PORTS = new Ports() {
        final Map<String, String> nodes = Map.of("CNSGH", "CNYSA", "CNYSA", "CNYSA");
        final Map<String, String> names = Map.of("CNYSA", "Shanghai Yangshan", "MYPKG", "Port Klang",
                "LKCMB", "Colombo", "SGSIN", "Singapore");

        @Override
        public String nodeOf(String code) {
            String parsed = Ports.parse(code);
            return parsed == null ? null : nodes.getOrDefault(parsed, parsed);
        }

        @Override
        public String nameOf(String code) {
            String node = nodeOf(code);
            return node == null ? String.valueOf(code) : names.getOrDefault(node, node);
        }
    };

    final ConsistencyCheck check = new ConsistencyCheck(PORTS);

    static ShipmentFacts.Item item(int n, String hs) {
        return new ShipmentFacts.Item(n, "Power adapter model " + n, hs, "RVC", "1200", "PCE", "15000.00", "USD");
    }

    static ShipmentFacts declared() {
        return new ShipmentFacts(new ShipmentFacts.Trader("Ningbo Sunrise Electric Co., Ltd.", "CN"),
                new ShipmentFacts.Trader("Klang Valley Trading Sdn Bhd", "MY"), "MY",
                List.of(item(1, "8504.40"), item(2, "8544.42")), "INV-2026-001", LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 5), "IMO 9321483 EVER GIVEN", "0412W", "CNSHA", "MYPKG");
    }

    static IssuedCertificate issued(ShipmentFacts content) {
        return new IssuedCertificate("CN-CCPIT", "CCPIT-RCEP-26-000042", content);
    }

    static VoyageEvent ev(String id, String code, String at, String location) {
        return new VoyageEvent(id, "DCSA", code, "ACT", Instant.parse(at), location, "9321483", "0412W");
    }

    static List<VoyageEvent> directVoyage() {
        return List.of(ev("e1", "LOAD", "2026-11-05T02:00:00Z", "CNYSA"), ev("e2", "DEPA", "2026-11-05T10:00:00Z", "CNYSA"),
                ev("e3", "DISC", "2026-11-12T08:00:00Z", "MYPKG"));
    }

    @Test
    void nothingKnownYetIsNotCompared() {
        ConsistencyReport r = check.check(declared(), null, List.of());
        assertThat(r.status()).isEqualTo(ConsistencyReport.Status.NOT_COMPARED);
        assertThat(r.findings()).isEmpty();
        assertThat(r.publicLine()).startsWith("Not checked yet");
    }

    @Test
    void theSameCertificateAndTheDeclaredVoyageAreConsistent() {
        ShipmentFacts asIssued = new ShipmentFacts(new ShipmentFacts.Trader("NINGBO SUNRISE ELECTRIC CO LTD", "cn"),
                new ShipmentFacts.Trader("Klang Valley Trading Sdn. Bhd.", "MY"), "MY",
                List.of(new ShipmentFacts.Item(1, "power adapter  model 1", "850440", "rvc", "1200.000", "pce", "15000", "usd"),
                        item(2, "8544.42.00")),
                "INV-2026-001", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 5), "IMO 9321483 EVER GIVEN", "0412W",
                "cn sha", "MY PKG");
        ConsistencyReport r = check.check(declared(), issued(asIssued), directVoyage());
        assertThat(r.findings()).isEmpty();
        assertThat(r.status()).isEqualTo(ConsistencyReport.Status.CONSISTENT);
        assertThat(r.loadedAt()).isEqualTo("CNYSA");
        assertThat(r.dischargedAt()).isEqualTo("MYPKG");
        assertThat(r.publicLine()).isEqualTo("The issued certificate matches the declaration; the voyage matches: "
                + "loaded at Shanghai Yangshan, discharged at Port Klang.");
    }

    @Nested
    class AgainstTheIssuedCertificate {

        ConsistencyReport against(ShipmentFacts issued) {
            return check.check(declared(), issued(issued), List.of());
        }

        @Test
        void anAmendedHsCodeIsNamedWithBothValuesAndItsSourceButNotOnThePublicLine() {
            ShipmentFacts d = declared();
            ShipmentFacts e = new ShipmentFacts(d.exporter(), d.importer(), d.importingParty(),
                    List.of(item(1, "8504.40"), item(2, "8544.49")), d.invoiceNumber(), d.invoiceDate(),
                    d.departureDate(), d.vesselOrFlight(), d.voyageNumber(), d.portOfLoading(), d.portOfDischarge());
            ConsistencyReport r = against(e);
            assertThat(r.status()).isEqualTo(ConsistencyReport.Status.DISCREPANCIES);
            assertThat(r.findings()).singleElement().satisfies(f -> {
                assertThat(f.checkId()).isEqualTo("ECO_HS_CODE");
                assertThat(f.field()).isEqualTo("goods[2].hsCode");
                assertThat(f.declared()).isEqualTo("8544.42");
                assertThat(f.observed()).isEqualTo("8544.49");
                assertThat(f.source()).isEqualTo("e-CO CCPIT-RCEP-26-000042 issued by CN-CCPIT");
                assertThat(f.sentence()).contains("8544.42").contains("8544.49");
                assertThat(f.publicSentence()).isEqualTo("the HS code of item 2 differs from the issued certificate");
            });
            assertThat(r.publicLine()).startsWith("The HS code of item 2 differs from the issued certificate; no actual voyage")
                    .doesNotContain("8544");
        }

        @Test
        void partiesAreComparedByNameAndCountry() {
            ShipmentFacts d = declared();
            ShipmentFacts e = new ShipmentFacts(new ShipmentFacts.Trader("Another Exporter Ltd", "CN"),
                    new ShipmentFacts.Trader("Klang Valley Trading Sdn Bhd", "SG"), null, List.of(), null, null, null, null,
                    null, null, null);
            assertThat(against(e).findings()).extracting(Finding::checkId)
                    .containsExactly("ECO_EXPORTER_NAME", "ECO_IMPORTER_COUNTRY");
        }

        @Test
        void goodsCountQuantitiesValuesCriteriaAndDescriptionsAreCompared() {
            ShipmentFacts d = declared();
            ShipmentFacts e = new ShipmentFacts(null, null, null,
                    List.of(new ShipmentFacts.Item(1, "Transformer", "8504.40", "CTH", "1100", "PCE", "15000.00", "EUR")),
                    null, null, null, null, null, null, null);
            ConsistencyReport r = against(e);
            assertThat(r.findings()).extracting(Finding::checkId).containsExactly("ECO_GOODS_COUNT", "ECO_DESCRIPTION",
                    "ECO_QUANTITY", "ECO_FOB_VALUE", "ECO_ORIGIN_CRITERION");
            assertThat(r.findings().get(0).declared()).isEqualTo("2");
            assertThat(r.findings().get(0).observed()).isEqualTo("1");
            assertThat(r.findings().get(2).observed()).isEqualTo("1100 PCE");
            assertThat(r.findings().get(3).declared()).isEqualTo("15000.00 USD");
        }

        @Test
        void invoiceAndTransportAreCompared() {
            ShipmentFacts e = new ShipmentFacts(null, null, null, List.of(), "INV-2026-002", LocalDate.of(2026, 11, 3), null,
                    "IMO 9999999", "0413W", "CNNGB", "SGSIN");
            assertThat(against(e).findings()).extracting(Finding::checkId).containsExactly("ECO_INVOICE_NUMBER",
                    "ECO_INVOICE_DATE", "ECO_VESSEL", "ECO_VOYAGE", "ECO_PORT_OF_LOADING", "ECO_PORT_OF_DISCHARGE");
        }

        @Test
        void fieldsTheCertificateDoesNotStateAreNotCompared() {
            ShipmentFacts empty = new ShipmentFacts(null, null, null, null, null, null, null, null, null, null, null);
            ConsistencyReport r = against(empty);
            assertThat(r.findings()).isEmpty();
            assertThat(r.certificateCompared()).isTrue();
        }

        @Test
        void aValueTheCertificateStatesButTheDeclarationDoesNotIsADiscrepancy() {
            ShipmentFacts d = new ShipmentFacts(null, null, null, null, null, null, null, null, null, null, null);
            ShipmentFacts e = new ShipmentFacts(null, null, null, null, "INV-1", null, null, null, null, null, null);
            assertThat(check.check(d, issued(e), null).findings()).singleElement().satisfies(f -> {
                assertThat(f.declared()).isNull();
                assertThat(f.sentence()).contains("not given");
            });
        }
    }

    @Nested
    class AgainstTheVoyage {

        ConsistencyReport voyage(List<VoyageEvent> events) {
            return check.check(declared(), null, events);
        }

        @Test
        void aDischargeAtAnotherPortInAnotherCountryIsTwoDiscrepancies() {
            ConsistencyReport r = voyage(List.of(ev("e1", "LOAD", "2026-11-05T02:00:00Z", "CNYSA"),
                    ev("e9", "DISC", "2026-11-10T02:00:00Z", "SGSIN")));
            assertThat(r.findings()).extracting(Finding::checkId)
                    .containsExactly("VOYAGE_PORT_OF_DISCHARGE", "VOYAGE_DISCHARGE_COUNTRY");
            Finding port = r.findings().get(0);
            assertThat(port.declared()).isEqualTo("MYPKG");
            assertThat(port.observed()).isEqualTo("SGSIN");
            assertThat(port.source()).isEqualTo("DCSA event e9 at SGSIN");
            assertThat(r.publicLine()).isEqualTo("The issued certificate's content is not known yet; the port of discharge "
                    + "differs from the declared one; the goods were discharged in a country other than the declared importing Party.");
        }

        @Test
        void theLoadingPortIsTheFirstActualLoadAndAliasesAgree() {
            assertThat(voyage(List.of(ev("e1", "LOAD", "2026-11-05T02:00:00Z", " cn sgh "))).findings()).isEmpty();
            ConsistencyReport r = voyage(List.of(ev("e1", "LOAD", "2026-11-05T02:00:00Z", "CNNGB")));
            assertThat(r.findings()).extracting(Finding::checkId).containsExactly("VOYAGE_PORT_OF_LOADING");
            assertThat(r.dischargedAt()).isNull();
        }

        @Test
        void plannedAndEstimatedEventsAreNotFacts() {
            VoyageEvent planned = new VoyageEvent("p1", "DCSA", "DISC", "PLN", Instant.parse("2026-11-10T00:00:00Z"), "SGSIN",
                    null, null);
            VoyageEvent estimated = new VoyageEvent("p2", "DCSA", "LOAD", "EST", Instant.parse("2026-11-04T00:00:00Z"), "CNNGB",
                    null, null);
            assertThat(voyage(List.of(planned, estimated)).status()).isEqualTo(ConsistencyReport.Status.NOT_COMPARED);
        }

        @Test
        void vesselIsComparedByImoNumberOnlyAndVoyageByNumber() {
            VoyageEvent other = new VoyageEvent("e1", "EDIFACT", "LOAD", "ACT", Instant.parse("2026-11-05T02:00:00Z"), "CNYSA",
                    "9811000", "0501E");
            ConsistencyReport r = voyage(List.of(other));
            assertThat(r.findings()).extracting(Finding::checkId).containsExactly("VOYAGE_VESSEL", "VOYAGE_VOYAGE_NUMBER");
            assertThat(r.findings().get(0).source()).isEqualTo("EDIFACT event e1 at CNYSA");
            ShipmentFacts byName = new ShipmentFacts(null, null, "MY", null, null, null, null, "EVER GIVEN", null, null, null);
            assertThat(check.check(byName, null, List.of(other)).findings()).isEmpty();
        }

        @Test
        void departureWithinTheToleranceIsConsistentBeyondItIsNot() {
            assertThat(voyage(List.of(ev("e1", "LOAD", "2026-11-07T02:00:00Z", "CNYSA"),
                    ev("e2", "DEPA", "2026-11-08T23:00:00Z", "CNYSA"))).findings()).isEmpty();
            ConsistencyReport late = voyage(List.of(ev("e1", "LOAD", "2026-11-07T02:00:00Z", "CNYSA"),
                    ev("e2", "DEPA", "2026-11-09T01:00:00Z", "CNYSA")));
            assertThat(late.findings()).singleElement().satisfies(f -> {
                assertThat(f.checkId()).isEqualTo("VOYAGE_DEPARTURE_DATE");
                assertThat(f.declared()).isEqualTo("2026-11-05");
                assertThat(f.observed()).isEqualTo("2026-11-09");
            });
        }

        @Test
        void transshipmentThroughANonPartyNeedsEvidenceButIsNoDiscrepancy() {
            ConsistencyReport r = voyage(List.of(ev("e1", "LOAD", "2026-11-05T02:00:00Z", "CNYSA"),
                    ev("e2", "DISC", "2026-11-09T02:00:00Z", "LKCMB"), ev("e3", "LOAD", "2026-11-10T02:00:00Z", "LKCMB"),
                    ev("e4", "DISC", "2026-11-14T02:00:00Z", "MYPKG")));
            assertThat(r.status()).isEqualTo(ConsistencyReport.Status.EVIDENCE_NEEDED);
            assertThat(r.findings()).singleElement().satisfies(f -> {
                assertThat(f.checkId()).isEqualTo("VOYAGE_TRANSSHIPMENT_NON_PARTY");
                assertThat(f.severity()).isEqualTo(Finding.Severity.EVIDENCE_NEEDED);
                assertThat(f.observed()).isEqualTo("LKCMB");
                assertThat(f.publicSentence()).isEqualTo("transshipment through non-Party LK: customs control evidence needed");
            });
            assertThat(r.dischargedAt()).isEqualTo("MYPKG");
        }

        @Test
        void aVesselCallAtANonPartyPortIsATransitNeedingEvidence() {
            ConsistencyReport r = voyage(List.of(ev("e1", "LOAD", "2026-11-05T02:00:00Z", "CNYSA"),
                    ev("e2", "ARRI", "2026-11-07T02:00:00Z", "TWKHH"), ev("e3", "DEPA", "2026-11-07T12:00:00Z", "TWKHH"),
                    ev("e4", "DISC", "2026-11-14T02:00:00Z", "MYPKG")));
            assertThat(r.status()).isEqualTo(ConsistencyReport.Status.EVIDENCE_NEEDED);
            assertThat(r.findings()).singleElement().satisfies(f -> {
                assertThat(f.source()).isEqualTo("DCSA event e2 at TWKHH");
                assertThat(f.sentence()).startsWith("Transit through non-Party TW (vessel call at TWKHH, goods on board)");
                assertThat(f.publicSentence()).isEqualTo("transit through non-Party TW: customs control evidence needed");
            });
        }

        @Test
        void transshipmentThroughAPartyIsFine() {
            ConsistencyReport r = voyage(List.of(ev("e1", "LOAD", "2026-11-05T02:00:00Z", "CNYSA"),
                    ev("e2", "DISC", "2026-11-09T02:00:00Z", "SGSIN"), ev("e3", "LOAD", "2026-11-10T02:00:00Z", "SGSIN"),
                    ev("e4", "DISC", "2026-11-14T02:00:00Z", "MYPKG")));
            assertThat(r.status()).isEqualTo(ConsistencyReport.Status.CONSISTENT);
        }

        @Test
        void aDischargeFollowedByAReloadIsNotTheFinalDischarge() {
            ConsistencyReport r = voyage(List.of(ev("e1", "LOAD", "2026-11-05T02:00:00Z", "CNYSA"),
                    ev("e2", "DISC", "2026-11-09T02:00:00Z", "SGSIN"), ev("e3", "LOAD", "2026-11-10T02:00:00Z", "SGSIN")));
            assertThat(r.dischargedAt()).isNull();
            assertThat(r.findings()).isEmpty();
            assertThat(r.publicLine()).endsWith("loaded at Shanghai Yangshan, not discharged yet.");
        }
    }

    @Nested
    class HostileInput {

        @Test
        void unknownAndUnreadablePortsAndAbsentFieldsDoNotBreakTheReport() {
            List<VoyageEvent> events = new ArrayList<>();
            events.add(new VoyageEvent(null, null, " load ", "act", Instant.parse("2026-11-05T02:00:00Z"), "not a port", null,
                    null));
            events.add(new VoyageEvent("x", "DCSA", null, "ACT", Instant.parse("2026-11-06T02:00:00Z"), null, null, null));
            events.add(new VoyageEvent("y", "DCSA", "DISC", "ACT", null, "MYPKG", null, null));
            events.add(null);
            events.add(new VoyageEvent("z", "DCSA", "DISC", "ACT", Instant.parse("2026-11-12T02:00:00Z"), "ZZZZZ", null, null));
            ConsistencyReport r = check.check(declared(), issued(new ShipmentFacts(null, null, null,
                    java.util.Arrays.asList(null, new ShipmentFacts.Item(null, null, "x", null, "abc", null, "1e3", null)),
                    null, null, null, null, null, null, null)), events);
            assertThat(r.status()).isEqualTo(ConsistencyReport.Status.DISCREPANCIES);
            assertThat(r.findings()).extracting(Finding::checkId).contains("ECO_GOODS_COUNT", "ECO_HS_CODE",
                    "VOYAGE_PORT_OF_LOADING", "VOYAGE_PORT_OF_DISCHARGE");
        }

        @Test
        void lowercaseAndSpacedLocodesAreTheSamePort() {
            ShipmentFacts d = new ShipmentFacts(null, null, "my", null, null, null, null, null, null, "cn sha", "my pkg");
            ConsistencyReport r = check.check(d, null, List.of(ev("e1", "LOAD", "2026-11-05T02:00:00Z", "CNSGH"),
                    ev("e2", "DISC", "2026-11-12T02:00:00Z", "MYPKG")));
            assertThat(r.findings()).isEmpty();
        }

        @Test
        void hugeValuesAreShownBounded() {
            String huge = "A".repeat(1_000_000);
            ShipmentFacts e = new ShipmentFacts(null, null, null, null, huge, null, null, null, null, null, null);
            Finding f = check.check(declared(), issued(e), List.of()).findings().get(0);
            assertThat(f.observed().length()).isLessThan(300);
            assertThat(f.sentence().length()).isLessThan(1000);
        }

        @Test
        void tenThousandEventsForOneDeclarationGiveOneFindingPerNonPartyPort() {
            List<VoyageEvent> events = new ArrayList<>();
            Instant t = Instant.parse("2026-11-05T00:00:00Z");
            events.add(ev("first", "LOAD", t.toString(), "CNYSA"));
            for (int i = 0; i < 10_000; i++) {
                events.add(ev("e" + i, i % 2 == 0 ? "DISC" : "LOAD", t.plusSeconds(60L * (i + 1)).toString(),
                        i % 4 < 2 ? "LKCMB" : "AEJEA"));
            }
            events.add(ev("last", "DISC", t.plusSeconds(60L * 20_000).toString(), "MYPKG"));
            java.util.Collections.shuffle(events, new java.util.Random(7));
            ConsistencyReport r = check.check(declared(), null, events);
            assertThat(r.findings()).extracting(Finding::observed).containsExactly("LKCMB", "AEJEA");
            assertThat(r.dischargedAt()).isEqualTo("MYPKG");
        }

        @Test
        void theSameInputsGiveAnEqualReport() {
            List<VoyageEvent> events = new ArrayList<>(directVoyage());
            ConsistencyReport a = check.check(declared(), null, events);
            java.util.Collections.reverse(events);
            assertThat(check.check(declared(), null, events)).isEqualTo(a);
        }
    }
}
