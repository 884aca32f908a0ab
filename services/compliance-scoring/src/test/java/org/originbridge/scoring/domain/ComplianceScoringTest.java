package org.originbridge.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.originbridge.scoring.domain.Evidence.day;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.originbridge.scoring.domain.ComplianceScoring.Outcome;

class ComplianceScoringTest {

    private final InMemoryPorts.Records records = new InMemoryPorts.Records();
    private final InMemoryPorts.Directory directory = new InMemoryPorts.Directory();
    private final InMemoryPorts.Publisher publisher = new InMemoryPorts.Publisher();
    private final ComplianceScoring scoring = new ComplianceScoring(records, directory, publisher,
            new ScoringModel(ScoringPolicy.DEFAULT));

    private static Consignment declaration(String id, int day) {
        return new Consignment(id, "SUP-1", "TD-" + id, "BK-" + id, List.of("MSCU" + id), "CNSGH", "MYPKG", day(day));
    }

    @Test
    void firstEvidenceEmitsVersionOneThenEachChangeTheNextVersion() {
        assertThat(scoring.declarationAccepted(declaration("D1", 1))).isEqualTo(Outcome.EMITTED);
        assertThat(scoring.declarationRejected("SUP-1", new IntakeOutcome("D2", false, day(2)))).isEqualTo(Outcome.EMITTED);

        assertThat(publisher.sent).extracting(SupplierScore::version).containsExactly(1L, 2L);
        SupplierScore second = publisher.sent.get(1);
        assertThat(second.previousScore()).isEqualTo(100);
        // intake 1/2 = 50 (75%), recency 100 (25%): (75x50 + 25x100) / 100 = 62.5 -> 63
        assertThat(second.score()).isEqualTo(63);
        assertThat(second.band()).isEqualTo(ScoreBand.UNRATED);
        assertThat(second.asOf()).isEqualTo(day(2));
        assertThat(second.validUntil()).isEqualTo(day(92));
        assertThat(second.source()).isEqualTo("originbridge-compliance-scoring");
        assertThat(records.find("SUP-1").orElseThrow().emittedVersion()).isEqualTo(2);
    }

    @Test
    void eachUseCaseReportsItsFactAndOutcomeToTheMetricsPort() {
        List<String> measured = new ArrayList<>();
        ComplianceScoring measuredScoring = new ComplianceScoring(records, directory, publisher,
                new ScoringModel(ScoringPolicy.DEFAULT), (fact, work) -> {
                    Outcome outcome = work.get();
                    measured.add(fact + "=" + outcome);
                    return outcome;
                });

        measuredScoring.declarationAccepted(declaration("D1", 1));
        measuredScoring.declarationAccepted(declaration("D1", 1));
        measuredScoring.verificationCompleted("SUP-1", new AswOutcome("D1", AswOutcome.Result.VERIFIED, day(2)));

        measuredScoring.logisticsEvent(new LogisticsObservation(Evidence.act("EV-1", "ARRI", "MYPKG", 3), "TD-UNKNOWN",
                null, null));

        assertThat(measured).hasSize(4);
        assertThat(measured.subList(0, 2)).containsExactly("declaration-accepted=EMITTED", "declaration-accepted=UNCHANGED");
        assertThat(measured.get(2)).startsWith("asw-verification=");
        assertThat(measured.get(3)).isEqualTo("logistics-node-event=PARKED");
    }

    @Test
    void aReplayedEventIsCountedOnceAndEmitsNothing() {
        scoring.declarationAccepted(declaration("D1", 1));
        scoring.verificationCompleted("SUP-1", new AswOutcome("D1", AswOutcome.Result.VERIFIED, day(2)));
        int sent = publisher.sent.size();

        assertThat(scoring.declarationAccepted(declaration("D1", 1))).isEqualTo(Outcome.UNCHANGED);
        assertThat(scoring.verificationCompleted("SUP-1", new AswOutcome("D1", AswOutcome.Result.VERIFIED, day(2))))
                .isEqualTo(Outcome.UNCHANGED);

        assertThat(publisher.sent).hasSize(sent);
        assertThat(records.find("SUP-1").orElseThrow().evidence().intake()).hasSize(1);
    }

    @Test
    void aCrashBetweenWriteAndSendIsRepairedByTheRedelivery() {
        publisher.failuresToSimulate = 1;
        assertThatThrownBy(() -> scoring.declarationAccepted(declaration("D1", 1))).isInstanceOf(IllegalStateException.class);
        SupplierRecord stored = records.find("SUP-1").orElseThrow();
        assertThat(stored.latest().version()).isEqualTo(1);
        assertThat(stored.emittedVersion()).isZero();

        // The container re-delivers the same record: evidence unchanged, but version 1 is still unsent.
        assertThat(scoring.declarationAccepted(declaration("D1", 1))).isEqualTo(Outcome.RESENT);
        assertThat(publisher.sent).extracting(SupplierScore::version).containsExactly(1L);

        // And a further replay sends nothing more.
        assertThat(scoring.declarationAccepted(declaration("D1", 1))).isEqualTo(Outcome.UNCHANGED);
        assertThat(publisher.sent).hasSize(1);
    }

    @Test
    void aConcurrentWriterMakesTheUseCaseRecomputeFromFreshState() {
        records.staleWritesToSimulate = 2;
        assertThat(scoring.declarationAccepted(declaration("D1", 1))).isEqualTo(Outcome.EMITTED);
        assertThat(publisher.sent).hasSize(1);
    }

    @Test
    void portEventsBeforeTheDeclarationAreParkedThenAttributed() {
        LogisticsObservation departed = new LogisticsObservation(
                new NodeEvent("E1", "DEPA", true, "CNSHA", day(3), null), null, "BK-D1", null);
        LogisticsObservation arrived = new LogisticsObservation(
                new NodeEvent("E2", "ARRI", true, "MYPKG", day(8), null), "TD-D1", null, "MSCUD1");

        assertThat(scoring.logisticsEvent(departed)).isEqualTo(Outcome.PARKED);
        assertThat(publisher.sent).isEmpty();

        assertThat(scoring.declarationAccepted(declaration("D1", 1))).isEqualTo(Outcome.EMITTED);
        assertThat(direct(publisher.sent.get(0))).isEqualTo(50); // departure only so far

        assertThat(scoring.logisticsEvent(arrived)).isEqualTo(Outcome.EMITTED);
        SupplierScore latest = publisher.sent.get(publisher.sent.size() - 1);
        assertThat(direct(latest)).isEqualTo(100);
        assertThat(latest.asOf()).isEqualTo(day(8));

        // replaying the port events changes nothing
        assertThat(scoring.logisticsEvent(arrived)).isEqualTo(Outcome.UNCHANGED);
        assertThat(scoring.logisticsEvent(departed)).isEqualTo(Outcome.UNCHANGED);
        assertThat(publisher.sent).hasSize(2);
    }

    @Test
    void anEventMatchingOnlyByContainerGoesToTheLatestDeclarationOfThatContainer() {
        scoring.declarationAccepted(new Consignment("OLD", "SUP-1", null, null, List.of("MSCU1"), "CNSGH", "MYPKG", day(1)));
        scoring.declarationAccepted(new Consignment("NEW", "SUP-2", null, null, List.of("MSCU1"), "CNSGH", "VNCMT", day(5)));

        scoring.logisticsEvent(new LogisticsObservation(new NodeEvent("E1", "LOAD", true, "CNSGH", day(6), null),
                null, null, "MSCU1"));

        assertThat(records.find("SUP-2").orElseThrow().evidence().consignments()).extracting(ConsignmentEvidence::declarationId)
                .containsExactly("NEW");
        assertThat(records.find("SUP-1").orElseThrow().evidence().consignments()).isEmpty();
    }

    private static int direct(SupplierScore score) {
        return score.factors().stream().filter(f -> f.code().equals(ScoringModel.DIRECT_CONSIGNMENT)).findFirst()
                .orElseThrow().value();
    }
}
