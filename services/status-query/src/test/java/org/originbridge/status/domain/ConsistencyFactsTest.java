package org.originbridge.status.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originbridge.status.domain.Fixtures.T0;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.originbridge.origin.consistency.ConsistencyReport;
import org.originbridge.status.domain.route.PortDirectory;

/** The consistency report as a fact: published when it changes, never twice for the same inputs. */
class ConsistencyFactsTest {

    private final StatusQueriesTest.MapStore store = new StatusQueriesTest.MapStore();
    private final Map<String, String> hashes = new HashMap<>();
    private final List<ConsistencyFact> sent = new ArrayList<>();
    private final PublishedConsistency published = new PublishedConsistency() {
        @Override
        public Optional<String> reportHash(String declarationId) {
            return Optional.ofNullable(hashes.get(declarationId));
        }

        @Override
        public void published(String declarationId, String reportHash) {
            hashes.put(declarationId, reportHash);
        }
    };
    private final ConsistencyFacts facts = new ConsistencyFacts(store,
            event -> store.declarations.keySet().stream().sorted().toList(), published, sent::add,
            new Consistency(PortDirectory.shipped()), Clock.fixed(T0.plusSeconds(86_400 * 10), ZoneOffset.UTC));

    private void put(String outcome, IssuanceRecord issuance) {
        store.declarations.put("DECL-1", new DeclarationProjection("DECL-1", "SUP-1", "REF-1", "VN",
                IntakeRecord.of(outcome, T0, null, null), Fixtures.declaration("REF-1"),
                Fixtures.verification("code-1", T0), issuance,
                issuance == null ? List.of() : List.of(issuance.historyEntry()), T0));
    }

    @Test
    void aDiscrepantIssuedCertificateIsPublishedOnceWithBothValuesAndItsInputs() {
        put(IntakeRecord.ACCEPTED, StatusQueriesTest.issuedWith(StatusQueriesTest.asIssued("940549")));

        ConsistencyFact fact = facts.check("DECL-1").orElseThrow();

        assertThat(fact.report().status()).isEqualTo(ConsistencyReport.Status.DISCREPANCIES);
        assertThat(fact.report().findings()).first().satisfies(f -> {
            assertThat(f.field()).isEqualTo("goods[1].hsCode");
            assertThat(f.declared()).isEqualTo("940540");
            assertThat(f.observed()).isEqualTo("940549");
            assertThat(f.aboutCertificate()).isTrue();
        });
        assertThat(fact.supplierId()).isEqualTo("SUP-1");
        assertThat(fact.issuanceSequence()).isEqualTo(2);
        assertThat(fact.declarationHash()).hasSize(64);
        assertThat(fact.checkedAt()).isEqualTo(T0.plusSeconds(86_400 * 10));
        assertThat(sent).containsExactly(fact);

        // the same inputs again (a redelivery, a replay): nothing new
        assertThat(facts.check("DECL-1")).isEmpty();
        facts.eventRecorded(Fixtures.event("X", "GTIN", T0, "TD-OTHER", null));
        assertThat(sent).hasSize(1);
    }

    @Test
    void aNewVoyageEventThatChangesTheReportPublishesTheNewReportWithTheEventAsInput() {
        put(IntakeRecord.ACCEPTED, StatusQueriesTest.issuedWith(StatusQueriesTest.asIssued("9405.40")));
        store.events.add(StatusQueriesTest.actual("L1", "LOAD", T0.plusSeconds(86_400), "CNYSA"));
        assertThat(facts.check("DECL-1").orElseThrow().report().status()).isEqualTo(ConsistencyReport.Status.CONSISTENT);

        LogisticsEvent discharge = StatusQueriesTest.actual("D1", "DISC", T0.plusSeconds(86_400 * 6), "THLCH");
        store.events.add(discharge);
        facts.eventRecorded(discharge);

        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).report().status()).isEqualTo(ConsistencyReport.Status.DISCREPANCIES);
        assertThat(sent.get(1).voyageEventIds()).containsExactly("D1", "L1");
        assertThat(sent.get(1).reportHash()).isNotEqualTo(sent.get(0).reportHash());
        facts.eventRecorded(discharge);
        assertThat(sent).as("the same event again changes nothing").hasSize(2);
    }

    @Test
    void nothingIsPublishedBeforeAnythingIsComparedNorForARejectedOrUnknownDeclaration() {
        put(IntakeRecord.ACCEPTED, Fixtures.issuance(1, "REQUESTED", T0));
        assertThat(facts.check("DECL-1")).isEmpty();
        assertThat(facts.check("NO-SUCH-DECLARATION")).isEmpty();

        put(IntakeRecord.REJECTED, StatusQueriesTest.issuedWith(StatusQueriesTest.asIssued("940549")));
        assertThat(facts.check("DECL-1")).isEmpty();
        assertThat(sent).isEmpty();
    }
}
