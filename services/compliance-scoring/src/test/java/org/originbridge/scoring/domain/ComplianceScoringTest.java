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
    private final InMemoryPorts.Ledger ledger = new InMemoryPorts.Ledger();
    private final InMemoryPorts.Directory directory = new InMemoryPorts.Directory();
    private final InMemoryPorts.Publisher publisher = new InMemoryPorts.Publisher();
    private final ComplianceScoring scoring = new ComplianceScoring(records, ledger, directory, publisher,
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
        ComplianceScoring measuredScoring = new ComplianceScoring(records, ledger, directory, publisher,
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
        assertThat(records.find("SUP-1").orElseThrow().tally().intakeDecided()).isEqualTo(1);
        assertThat(records.find("SUP-1").orElseThrow().tally().aswVerified()).isEqualTo(1);
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
    void concurrentFactsAboutOneSupplierNeverLoseItsRevisionGuardToEachOtherAndAllAreCounted() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Outcome>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String id = "D" + i;
                outcomes.add(pool.submit(() -> scoring.declarationAccepted(declaration(id, 1))));
            }
            for (java.util.concurrent.Future<Outcome> outcome : outcomes) {
                outcome.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // one writer of the supplier's record at a time in an instance: no write is refused by the guard, so no
        // fact pays a re-read and a moved target (before: most of them under eight threads)
        assertThat(records.lostGuards).isZero();
        assertThat(records.stored.get("SUP-1").revision()).isEqualTo(200);
        assertThat(ledger.ofSupplier("SUP-1").filter(d -> d.pending() == null).count()).isEqualTo(200);
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

        assertThat(scoring.declaration("NEW").orElseThrow().consignment()).isNotNull();
        assertThat(scoring.declaration("OLD").orElseThrow().consignment()).isNull();
        assertThat(records.find("SUP-2").orElseThrow().tally().consignmentsIncomplete()).isEqualTo(1);
        assertThat(records.find("SUP-1").orElseThrow().tally().consignmentsIncomplete()).isZero();
    }

    @Test
    void aCrashBeforeTheSupplierWriteIsCountedOnceByTheRedelivery() {
        records.failuresToSimulate = 1; // the declaration's change is stored, then the supplier write fails
        assertThatThrownBy(() -> scoring.declarationAccepted(declaration("D1", 1))).isInstanceOf(IllegalStateException.class);
        assertThat(ledger.stored.get("D1").pending()).isNotNull();
        assertThat(records.find("SUP-1")).isEmpty();

        assertThat(scoring.declarationAccepted(declaration("D1", 1))).isEqualTo(Outcome.EMITTED);
        assertThat(scoring.declarationAccepted(declaration("D1", 1))).isEqualTo(Outcome.UNCHANGED);

        assertThat(records.find("SUP-1").orElseThrow().tally().intakeAccepted()).isEqualTo(1);
        assertThat(ledger.stored.get("D1").pending()).isNull();
        assertThat(publisher.sent).extracting(SupplierScore::version).containsExactly(1L);
    }

    @Test
    void aCrashAfterTheSupplierWriteIsNotCountedTwice() {
        scoring.declarationAccepted(declaration("D0", 1));
        ledger.failSaveNumber = 2; // the pending change is stored, the supplier written, then clearing it fails
        assertThatThrownBy(() -> scoring.verificationCompleted("SUP-1",
                new AswOutcome("D0", AswOutcome.Result.VERIFIED, day(2)))).isInstanceOf(IllegalStateException.class);
        assertThat(records.find("SUP-1").orElseThrow().tally().aswVerified()).isEqualTo(1);
        assertThat(ledger.stored.get("D0").pending()).isNotNull();

        // the redelivery finds the change's token at its revision: counted already, only the send is left
        assertThat(scoring.verificationCompleted("SUP-1", new AswOutcome("D0", AswOutcome.Result.VERIFIED, day(2))))
                .isEqualTo(Outcome.RESENT);

        assertThat(records.find("SUP-1").orElseThrow().tally().aswVerified()).isEqualTo(1);
        assertThat(records.find("SUP-1").orElseThrow().recountedAt()).isZero();
        assertThat(publisher.sent).extracting(SupplierScore::version).containsExactly(1L, 2L);
    }

    @Test
    void aChangeLeftPendingBeyondTheKeptTokensIsSettledByARecount() {
        scoring.declarationAccepted(declaration("D0", 1));
        ledger.failSaveNumber = 2; // counted, but the declaration still says pending
        assertThatThrownBy(() -> scoring.verificationCompleted("SUP-1",
                new AswOutcome("D0", AswOutcome.Result.VERIFIED, day(2)))).isInstanceOf(IllegalStateException.class);
        for (int n = 2; n < 2 + SupplierRecord.APPLIED_KEPT + 20; n++) {
            scoring.declarationAccepted(declaration("D" + n, 1));
        }
        long before = records.find("SUP-1").orElseThrow().revision();

        // far more revisions than tokens kept since: whether it was counted is unknowable, so recount
        assertThat(scoring.verificationCompleted("SUP-1", new AswOutcome("D0", AswOutcome.Result.VERIFIED, day(2))))
                .isNotNull();

        SupplierRecord after = records.find("SUP-1").orElseThrow();
        assertThat(after.recountedAt()).isGreaterThan(before);
        assertThat(after.tally().aswVerified()).isEqualTo(1);
        assertThat(after.tally().intakeAccepted()).isEqualTo(1 + SupplierRecord.APPLIED_KEPT + 20);
        assertThat(ledger.stored.values()).allMatch(d -> d.pending() == null);
    }

    @Test
    void aChangeNeverWrittenAndLeftPendingBeyondTheKeptTokensIsRecountedIn() {
        records.failuresToSimulate = 1;
        assertThatThrownBy(() -> scoring.declarationAccepted(declaration("D0", 1))).isInstanceOf(IllegalStateException.class);
        for (int n = 1; n <= SupplierRecord.APPLIED_KEPT + 5; n++) {
            scoring.declarationAccepted(declaration("D" + n, 1));
        }
        assertThat(records.find("SUP-1").orElseThrow().tally().intakeAccepted()).isEqualTo(SupplierRecord.APPLIED_KEPT + 5);

        scoring.declarationAccepted(declaration("D0", 1));

        assertThat(records.find("SUP-1").orElseThrow().tally().intakeAccepted()).isEqualTo(SupplierRecord.APPLIED_KEPT + 6);
        // and the next change after a recount goes the ordinary way again
        scoring.declarationRejected("SUP-1", new IntakeOutcome("R1", false, day(3)));
        assertThat(records.find("SUP-1").orElseThrow().tally().intakeRejected()).isEqualTo(1);
    }

    @Test
    void theSupplierRecordStaysBoundedWhateverTheHistory() {
        for (int n = 0; n < 1_000; n++) {
            scoring.declarationAccepted(declaration("D" + n, n % 400));
        }
        SupplierRecord stored = records.find("SUP-1").orElseThrow();
        assertThat(stored.tally().intakeAccepted()).isEqualTo(1_000);
        assertThat(stored.applied()).hasSizeLessThanOrEqualTo(SupplierRecord.APPLIED_KEPT);
        // only the days of the recency window are kept: 180 days before day 399 -> days 219..399
        assertThat(stored.tally().intakeByDay()).hasSizeLessThanOrEqualTo(181);
        assertThat(stored.tally().intakeSince(0)).isEqualTo(stored.tally().intakeByDay().values().stream()
                .mapToLong(Long::longValue).sum());
    }

    @Test
    void theIncrementalCountersEqualTheWholeHistoryWhateverTheOrderAndReplays() {
        ScoringModel model = new ScoringModel(ScoringPolicy.DEFAULT);
        for (long seed = 1; seed <= 20; seed++) {
            InMemoryPorts.Records r = new InMemoryPorts.Records();
            ComplianceScoring s = new ComplianceScoring(r, new InMemoryPorts.Ledger(), new InMemoryPorts.Directory(),
                    new InMemoryPorts.Publisher(), model);
            SupplierEvidence whole = SupplierEvidence.NONE;
            java.util.Map<String, java.util.Map<String, NodeEvent>> portEvents = new java.util.HashMap<>();
            java.util.Set<String> registered = new java.util.HashSet<>();
            java.util.Random random = new java.util.Random(seed);
            for (int step = 0; step < 300; step++) {
                String id = "D" + random.nextInt(25);
                int day = Integer.parseInt(id.substring(1)) * 10;
                switch (random.nextInt(5)) {
                    case 0 -> {
                        s.declarationAccepted(declaration(id, day));
                        registered.add(id);
                        whole = whole.withIntake(new IntakeOutcome(id, true, day(day)));
                        if (portEvents.containsKey(id)) { // parked port events are attributed now
                            whole = whole.withNodeEvents(id, "CNSGH", "MYPKG", portEvents.get(id).values());
                        }
                    }
                    case 1 -> {
                        IntakeOutcome rejected = new IntakeOutcome(id, false, day(day));
                        s.declarationRejected("SUP-1", rejected);
                        whole = whole.withIntake(rejected);
                    }
                    case 2 -> {
                        AswOutcome a = new AswOutcome(id, AswOutcome.Result.values()[random.nextInt(3)],
                                day(day + 1 + random.nextInt(3)));
                        s.verificationCompleted("SUP-1", a);
                        whole = whole.withAsw(a);
                    }
                    case 3 -> {
                        int sequence = 1 + random.nextInt(4);
                        IssuanceOutcome i = new IssuanceOutcome(id, IssuanceOutcome.Status.values()[random.nextInt(7)],
                                sequence, day(day + sequence));
                        s.issuanceChanged("SUP-1", i);
                        whole = whole.withIssuance(i);
                    }
                    default -> {
                        String[] codes = {"DEPA", "ARRI", "STRP", "LOAD"};
                        String[] places = {"CNSGH", "MYPKG", "SGSIN"};
                        NodeEvent e = new NodeEvent("E" + id + "-" + random.nextInt(3), codes[random.nextInt(4)], true,
                                places[random.nextInt(3)], day(day + 5), null);
                        portEvents.computeIfAbsent(id, k -> new java.util.HashMap<>()).put(e.eventId(), e);
                        s.logisticsEvent(new LogisticsObservation(e, "TD-" + id, null, null));
                        if (registered.contains(id)) { // attributed once the declaration was accepted
                            whole = whole.withNodeEvents(id, "CNSGH", "MYPKG", List.of(e));
                        }
                    }
                }
            }
            SupplierRecord stored = r.find("SUP-1").orElse(null);
            ScoreCard expected = model.score(whole);
            ScoreCard actual = stored == null ? null : model.score(stored.tally(), stored.asOf());
            assertThat(actual).as("seed %d", seed).isEqualTo(expected);
        }
    }

    @Test
    void aRebuildReplaysHistoryQuietlyAndContinuesFromThePublishedVersion() {
        // Given a supplier scored live: 4 declarations, 3 verified
        java.util.function.Function<ComplianceScoring, List<Runnable>> facts = s -> List.of(
                () -> s.declarationAccepted(declaration("D1", 1), day(1)),
                () -> s.declarationAccepted(declaration("D2", 2), day(2)),
                () -> s.declarationRejected("SUP-1", new IntakeOutcome("D3", false, day(3)), day(3)),
                () -> s.declarationAccepted(declaration("D4", 4), day(4)),
                () -> s.verificationCompleted("SUP-1", new AswOutcome("D1", AswOutcome.Result.VERIFIED, day(5)), day(5)),
                () -> s.verificationCompleted("SUP-1", new AswOutcome("D2", AswOutcome.Result.NOT_VERIFIED, day(5)), day(5)));
        facts.apply(scoring).forEach(Runnable::run);
        SupplierScore published = publisher.sent.get(publisher.sent.size() - 1);
        assertThat(published.version()).isGreaterThan(1);

        // When its state is dropped and the log replayed (every fact logged before the rebuild started)
        InMemoryPorts.Records rebuiltRecords = new InMemoryPorts.Records();
        InMemoryPorts.Publisher rebuiltPublisher = new InMemoryPorts.Publisher();
        ComplianceScoring rebuilt = new ComplianceScoring(rebuiltRecords, new InMemoryPorts.Ledger(),
                new InMemoryPorts.Directory(), rebuiltPublisher, new ScoringModel(ScoringPolicy.DEFAULT),
                ScoringMetrics.NONE, id -> java.util.Optional.of(published).filter(p -> p.supplierId().equals(id)), day(100));
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(rebuilt.declarationAccepted(declaration("D1", 1), day(1)));
        outcomes.add(rebuilt.declarationAccepted(declaration("D2", 2), day(2)));
        outcomes.add(rebuilt.declarationRejected("SUP-1", new IntakeOutcome("D3", false, day(3)), day(3)));
        outcomes.add(rebuilt.declarationAccepted(declaration("D4", 4), day(4)));
        outcomes.add(rebuilt.verificationCompleted("SUP-1", new AswOutcome("D1", AswOutcome.Result.VERIFIED, day(5)), day(5)));
        outcomes.add(rebuilt.verificationCompleted("SUP-1", new AswOutcome("D2", AswOutcome.Result.NOT_VERIFIED, day(5)), day(5)));

        // Then nothing is published, and the rebuilt state gives the same answer as the published score
        assertThat(outcomes).containsOnly(Outcome.REPLAYED);
        assertThat(rebuiltPublisher.sent).isEmpty();
        SupplierRecord state = rebuiltRecords.find("SUP-1").orElseThrow();
        assertThat(state.latest()).isEqualTo(published);
        assertThat(state.emittedVersion()).isEqualTo(published.version());
        ScoreCard recomputed = new ScoringModel(ScoringPolicy.DEFAULT).score(state.tally(), state.asOf());
        assertThat(recomputed.sameAssessmentAs(published)).isTrue();
        assertThat(state.tally()).isEqualTo(records.find("SUP-1").orElseThrow().tally());

        // And the first live fact that changes the score continues from the published version
        assertThat(rebuilt.verificationCompleted("SUP-1", new AswOutcome("D4", AswOutcome.Result.VERIFIED, day(101)),
                day(101))).isEqualTo(Outcome.EMITTED);
        assertThat(rebuiltPublisher.sent).singleElement().satisfies(next -> {
            assertThat(next.version()).isEqualTo(published.version() + 1);
            assertThat(next.previousScore()).isEqualTo(published.score());
        });
        // while a live redelivery of history changes and publishes nothing
        assertThat(rebuilt.declarationAccepted(declaration("D1", 1), day(101))).isEqualTo(Outcome.UNCHANGED);
        assertThat(rebuiltPublisher.sent).hasSize(1);
    }

    @Test
    void aSupplierSeenFirstAfterARebuildContinuesFromItsPublishedVersionWithoutRepublishingIt() {
        SupplierScore published = new SupplierScore("SUP-1", 100, ScoreBand.UNRATED, null,
                new ScoringModel(ScoringPolicy.DEFAULT).score(Evidence.of(Evidence.accepted("D1", 1))).factors(), 7,
                day(1), day(91), SupplierScore.SOURCE);
        InMemoryPorts.Records fresh = new InMemoryPorts.Records();
        InMemoryPorts.Publisher sent = new InMemoryPorts.Publisher();
        ComplianceScoring live = new ComplianceScoring(fresh, new InMemoryPorts.Ledger(), new InMemoryPorts.Directory(),
                sent, new ScoringModel(ScoringPolicy.DEFAULT), ScoringMetrics.NONE, id -> java.util.Optional.of(published),
                null);

        // the same assessment as published: nothing new, version 7 kept as sent
        assertThat(live.declarationAccepted(declaration("D1", 1))).isEqualTo(Outcome.UNCHANGED);
        assertThat(sent.sent).isEmpty();
        assertThat(fresh.find("SUP-1").orElseThrow().emittedVersion()).isEqualTo(7);
        // a change: version 8, never a second version 1
        assertThat(live.declarationRejected("SUP-1", new IntakeOutcome("D2", false, day(2)))).isEqualTo(Outcome.EMITTED);
        assertThat(sent.sent).extracting(SupplierScore::version).containsExactly(8L);
    }

    private static int direct(SupplierScore score) {
        return score.factors().stream().filter(f -> f.code().equals(ScoringModel.DIRECT_CONSIGNMENT)).findFirst()
                .orElseThrow().value();
    }
}
