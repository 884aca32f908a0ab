package org.originbridge.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originbridge.scoring.domain.AswOutcome.Result.FAILED;
import static org.originbridge.scoring.domain.AswOutcome.Result.NOT_APPLICABLE;
import static org.originbridge.scoring.domain.AswOutcome.Result.NOT_VERIFIED;
import static org.originbridge.scoring.domain.AswOutcome.Result.VERIFIED;
import static org.originbridge.scoring.domain.Evidence.accepted;
import static org.originbridge.scoring.domain.Evidence.act;
import static org.originbridge.scoring.domain.Evidence.asw;
import static org.originbridge.scoring.domain.Evidence.consignment;
import static org.originbridge.scoring.domain.Evidence.day;
import static org.originbridge.scoring.domain.Evidence.issuance;
import static org.originbridge.scoring.domain.Evidence.of;
import static org.originbridge.scoring.domain.Evidence.rejected;
import static org.originbridge.scoring.domain.IssuanceOutcome.Status.ISSUED;
import static org.originbridge.scoring.domain.IssuanceOutcome.Status.REJECTED;
import static org.originbridge.scoring.domain.IssuanceOutcome.Status.REVOKED;
import static org.originbridge.scoring.domain.IssuanceOutcome.Status.SUBMITTED;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringModelTest {

    private final ScoringModel model = new ScoringModel(ScoringPolicy.DEFAULT);

    @Test
    void workedExampleWithEveryFactor() {
        // Given 5 declarations (4 accepted), 4 counted ASW checks (3 verified) plus one technical failure,
        // 3 final issuances (2 issued, 1 rejected) plus one open, and 2 consignments with port events.
        SupplierEvidence e = of(accepted("D1", 1), accepted("D2", 2), accepted("D3", 3), accepted("D4", 4),
                rejected("D5", 5))
                .withAsw(asw("D1", VERIFIED, 6)).withAsw(asw("D2", VERIFIED, 6)).withAsw(asw("D3", VERIFIED, 6))
                .withAsw(asw("D4", NOT_VERIFIED, 6)).withAsw(asw("D5", FAILED, 6))
                .withIssuance(issuance("D1", ISSUED, 3, 7)).withIssuance(issuance("D2", ISSUED, 3, 7))
                .withIssuance(issuance("D3", REJECTED, 2, 7)).withIssuance(issuance("D4", SUBMITTED, 1, 7));
        e = consignment(e, "D1", "CNSGH", "MYPKG", act("E1", "DEPA", "CNSGH", 8), act("E2", "ARRI", "MYPKG", 12));
        e = consignment(e, "D2", "CNSGH", "MYPKG", act("E3", "LOAD", "CNSGH", 9));

        ScoreCard card = model.score(e);

        // intake 4/5 = 80, ASW 3/4 = 75, issuance 2/3 = 66.7 -> 67, consignment (100 + 50) / 2 = 75, recency 5/5 = 100
        // score = (30x80 + 25x75 + 20x67 + 15x75 + 10x100) / 100 = 7740 / 100 = 77.4 -> 77: GOOD
        assertThat(values(card)).isEqualTo(Map.of("INTAKE_ACCEPTANCE", 80, "ASW_VERIFICATION", 75, "ECO_ISSUANCE", 67,
                "DIRECT_CONSIGNMENT", 75, "RECENCY", 100, "CROSS_SOURCE_CONSISTENCY", 0));
        // no consistency report yet: its base weight 20 is shared, which gives the five others exactly 30/25/20/15/10
        assertThat(card.factors()).extracting(ScoreFactor::weight).containsExactly(30, 25, 20, 15, 10, 0);
        assertThat(card.score()).isEqualTo(77);
        assertThat(card.band()).isEqualTo(ScoreBand.GOOD);
        assertThat(card.asOf()).isEqualTo(day(12));
        assertThat(explanation(card, "INTAKE_ACCEPTANCE"))
                .isEqualTo("4 of 5 declarations passed intake validation and the origin pre-check (80%)");
        assertThat(explanation(card, "ASW_VERIFICATION")).isEqualTo("3 of 4 declarations verified with the"
                + " destination's channel (the ASEAN Single Window or the importing Party's customs) (75%); 1 check could not"
                + " be completed (technical failure, not counted)");
        assertThat(explanation(card, "ECO_ISSUANCE")).isEqualTo(
                "2 issued, 1 rejected, 0 revoked (a revocation counts twice): 2 / 3 = 67%; 1 application still open");
        assertThat(explanation(card, "DIRECT_CONSIGNMENT")).isEqualTo("2 consignments with port events: 1 complete"
                + " (departure and arrival, no handling in transit: 100), 1 missing a departure or arrival milestone (50),"
                + " 0 handled in transit (0); average 75");
        assertThat(explanation(card, "RECENCY"))
                .isEqualTo("5 of 5 declarations decided within the 180 days before the latest evidence (100%)");
    }

    @Test
    void workedExampleCrossSourceConsistency() {
        // Given 4 accepted declarations: D1 consistent, D2 consistent but needing evidence (transshipment through a
        // non-Party), D3 with two discrepancies (an HS code against the issued e-CO, the port of discharge against
        // the voyage), D4 not compared yet (no issued content, no actual voyage event)
        Tally tally = Tally.ZERO;
        tally = tally.plus(checked("D1", 1, ConsistencyOutcome.Status.CONSISTENT));
        tally = tally.plus(checked("D2", 2, ConsistencyOutcome.Status.EVIDENCE_NEEDED));
        tally = tally.plus(checked("D3", 3, ConsistencyOutcome.Status.DISCREPANCIES, "goods[1].hsCode (e-CO)",
                "consignment.portOfDischarge (voyage)"));
        tally = tally.plus(checked("D4", 4, ConsistencyOutcome.Status.NOT_COMPARED));

        ScoreCard card = model.score(tally, day(4));

        // consistency: 2 of 3 compared without a discrepancy = 67 (D4 is not counted); intake 4/4 = 100, recency 100.
        // Weights: intake 24, recency 8, consistency 20 have evidence (52): 2400/52 = 46 r8, 800/52 = 15 r20,
        // 2000/52 = 38 r24 = 99; the largest remainder (consistency) gets the last point: 46/15/39.
        // score = (46x100 + 15x100 + 39x67) / 100 = 87.13 -> 87: EXCELLENT
        assertThat(values(card).get("CROSS_SOURCE_CONSISTENCY")).isEqualTo(67);
        assertThat(card.factors()).extracting(ScoreFactor::weight).containsExactly(46, 0, 0, 0, 15, 39);
        assertThat(card.score()).isEqualTo(87);
        assertThat(card.band()).isEqualTo(ScoreBand.EXCELLENT);
        assertThat(explanation(card, "CROSS_SOURCE_CONSISTENCY")).isEqualTo("2 of 3 declarations checked against the"
                + " issued e-CO and the voyage with no discrepancy (67%); discrepancies: consignment.portOfDischarge"
                + " (voyage) in 1 declaration, goods[1].hsCode (e-CO) in 1 declaration");

        // When D3's next report is consistent (its e-CO was amended), its discrepancies leave the supplier's counts
        Tally amended = tally.minus(checked("D3", 3, ConsistencyOutcome.Status.DISCREPANCIES, "goods[1].hsCode (e-CO)",
                "consignment.portOfDischarge (voyage)")).plus(checked("D3", 3, ConsistencyOutcome.Status.CONSISTENT));
        assertThat(amended.discrepancies()).isEmpty();
        assertThat(values(model.score(amended, day(4))).get("CROSS_SOURCE_CONSISTENCY")).isEqualTo(100);
    }

    @Test
    void anOlderConsistencyReportDoesNotOverwriteANewerOneAndTheSameReportTwiceChangesNothing() {
        DeclarationEvidence newer = DeclarationEvidence.none("D1").withIntake(accepted("D1", 1))
                .withConsistency(new ConsistencyOutcome("D1", ConsistencyOutcome.Status.CONSISTENT, null, "h2", day(5)));
        ConsistencyOutcome older = new ConsistencyOutcome("D1", ConsistencyOutcome.Status.DISCREPANCIES,
                java.util.List.of("goods[1].hsCode (e-CO)"), "h1", day(4));
        assertThat(newer.withConsistency(older)).isEqualTo(newer);
        assertThat(newer.withConsistency(newer.consistency())).isEqualTo(newer);
    }

    private static Tally checked(String id, int day, ConsistencyOutcome.Status status, String... discrepancies) {
        return DeclarationEvidence.none(id).withIntake(accepted(id, day))
                .withConsistency(new ConsistencyOutcome(id, status, java.util.List.of(discrepancies), "hash-" + id,
                        day(day)))
                .tally();
    }

    @Test
    void aDestinationWithoutAVerificationChannelCountsNeitherForNorAgainstTheSupplier() {
        SupplierEvidence e = of(accepted("D1", 1), accepted("D2", 2), accepted("D3", 3))
                .withAsw(asw("D1", VERIFIED, 6)).withAsw(asw("D2", NOT_VERIFIED, 6));
        SupplierEvidence withNotApplicable = e.withAsw(asw("D3", NOT_APPLICABLE, 6));

        assertThat(values(model.score(withNotApplicable)).get("ASW_VERIFICATION"))
                .isEqualTo(values(model.score(e)).get("ASW_VERIFICATION")).isEqualTo(50);
        assertThat(explanation(model.score(withNotApplicable), "ASW_VERIFICATION"))
                .isEqualTo(explanation(model.score(e), "ASW_VERIFICATION"))
                .doesNotContain("technical failure");
    }

    @Test
    void factorsWithoutEvidenceGiveTheirWeightToTheOthers() {
        // Only intake (30) and recency (10) have evidence: 30/40 -> 75, 10/40 -> 25.
        ScoreCard card = model.score(of(accepted("D1", 1), accepted("D2", 2), accepted("D3", 3)));

        assertThat(card.factors()).extracting(ScoreFactor::weight).containsExactly(75, 0, 0, 0, 25, 0);
        assertThat(card.score()).isEqualTo(100);
        assertThat(card.band()).isEqualTo(ScoreBand.EXCELLENT);
        assertThat(explanation(card, "ASW_VERIFICATION"))
                .isEqualTo("No completed verification with a destination's channel yet; its weight is shared among the factors with evidence");
    }

    @Test
    void sharedWeightsUseLargestRemainderAndAddUpTo100() {
        // intake 30, ASW 25, recency 10 active (65): 3000/65 = 46 r10, 2500/65 = 38 r30, 1000/65 = 15 r25 -> 99;
        // the largest remainder (ASW) gets the missing point: 46 + 39 + 15 = 100.
        SupplierEvidence e = of(accepted("D1", 1), rejected("D2", 2), accepted("D3", 3))
                .withAsw(asw("D1", VERIFIED, 4));
        ScoreCard card = model.score(e);

        assertThat(card.factors()).extracting(ScoreFactor::weight).containsExactly(46, 39, 0, 0, 15, 0);
        // intake 2/3 = 67, ASW 100, recency 100: (46x67 + 39x100 + 15x100) / 100 = 8482 / 100 = 84.82 -> 85
        assertThat(card.score()).isEqualTo(85);
        assertThat(card.band()).isEqualTo(ScoreBand.EXCELLENT);
    }

    @ParameterizedTest
    @CsvSource({"100,EXCELLENT", "85,EXCELLENT", "84,GOOD", "70,GOOD", "69,FAIR", "50,FAIR", "49,POOR", "0,POOR"})
    void bandBoundaries(int score, ScoreBand band) {
        assertThat(ScoreBand.of(score)).isEqualTo(band);
    }

    @Test
    void tooFewDeclarationsAreUnratedWhateverTheScore() {
        ScoreCard two = model.score(of(accepted("D1", 1), accepted("D2", 2)));
        assertThat(two.score()).isEqualTo(100);
        assertThat(two.band()).isEqualTo(ScoreBand.UNRATED);

        ScoreCard stricter = new ScoringModel(new ScoringPolicy(5, Duration.ofDays(180), Duration.ofDays(90)))
                .score(of(accepted("D1", 1), accepted("D2", 2), accepted("D3", 3), accepted("D4", 4)));
        assertThat(stricter.band()).isEqualTo(ScoreBand.UNRATED);
    }

    @Test
    void noEvidenceNoCard() {
        assertThat(model.score(SupplierEvidence.NONE)).isNull();
    }

    @Test
    void revocationPenalisesTwiceAsMuchAsRejection() {
        SupplierEvidence e = of(accepted("D1", 1), accepted("D2", 2), accepted("D3", 3))
                .withIssuance(issuance("D1", ISSUED, 3, 4)).withIssuance(issuance("D2", REVOKED, 4, 5));
        ScoreCard card = model.score(e);
        // 1 / (1 + 0 + 2x1) = 33.3 -> 33
        assertThat(values(card).get("ECO_ISSUANCE")).isEqualTo(33);
        assertThat(explanation(card, "ECO_ISSUANCE"))
                .isEqualTo("1 issued, 0 rejected, 1 revoked (a revocation counts twice): 1 / 3 = 33%");
    }

    @Test
    void handlingInTransitBreaksDirectConsignment() {
        SupplierEvidence e = of(accepted("D1", 1), accepted("D2", 2), accepted("D3", 3));
        // Stripped in Singapore between Shanghai and Port Klang: further processing possible (Art 3.15).
        e = consignment(e, "D1", "CNSGH", "MYPKG", act("E1", "DEPA", "CNSGH", 4), act("E2", "STRP", "SGSIN", 6),
                act("E3", "ARRI", "MYPKG", 9));
        // Transhipped in Singapore without handling, and a carrier still sending CNSHA: fine.
        e = consignment(e, "D2", "CNSHA", "MYPKG", act("E4", "DEPA", "CNSHA", 4), act("E5", "ARRI", "SGSIN", 6),
                act("E6", "DEPA", "SGSIN", 7), act("E7", "ARRI", "MYPKG", 9));
        ScoreCard card = model.score(e);

        assertThat(values(card).get("DIRECT_CONSIGNMENT")).isEqualTo(50);
        assertThat(explanation(card, "DIRECT_CONSIGNMENT")).isEqualTo("2 consignments with port events: 1 complete"
                + " (departure and arrival, no handling in transit: 100), 0 missing a departure or arrival milestone (50),"
                + " 1 handled in transit (0): STRP at SGSIN; average 50");
    }

    @Test
    void plannedAndRetractedEventsAreNoEvidence() {
        SupplierEvidence e = of(accepted("D1", 1), accepted("D2", 2), accepted("D3", 3));
        e = consignment(e, "D1", "CNSGH", "MYPKG", act("E1", "DEPA", "CNSGH", 4),
                new NodeEvent("E2", "ARRI", false, "MYPKG", day(9), null), // planned only
                act("E3", "STRP", "SGSIN", 6), new NodeEvent("E4", "STRP", true, "SGSIN", day(6), "E3")); // retracted
        ScoreCard card = model.score(e);

        assertThat(values(card).get("DIRECT_CONSIGNMENT")).isEqualTo(50); // departed, arrival not evidenced
    }

    @Test
    void recencyCountsDeclarationsWithinTheWindowBeforeTheLatestEvidence() {
        SupplierEvidence e = of(accepted("D1", 0), accepted("D2", 10), accepted("D3", 200), accepted("D4", 250));
        ScoreCard card = model.score(e);
        // latest evidence day 250; window 180 days -> from day 70: D3 and D4 are recent: 2/4 = 50
        assertThat(values(card).get("RECENCY")).isEqualTo(50);
        assertThat(card.asOf()).isEqualTo(day(250));
    }

    @Test
    void replayingEvidenceLeavesItEqual() {
        SupplierEvidence once = of(accepted("D1", 1)).withAsw(asw("D1", VERIFIED, 2))
                .withIssuance(issuance("D1", ISSUED, 3, 3));
        once = consignment(once, "D1", "CNSGH", "MYPKG", act("E1", "DEPA", "CNSGH", 4));
        SupplierEvidence twice = consignment(once.withIntake(accepted("D1", 1)).withAsw(asw("D1", VERIFIED, 2))
                .withIssuance(issuance("D1", ISSUED, 3, 3)), "D1", "CNSGH", "MYPKG", act("E1", "DEPA", "CNSGH", 4));

        assertThat(twice).isEqualTo(once);
        assertThat(model.score(twice)).isEqualTo(model.score(once));
    }

    @Test
    void olderIssuanceSequenceAndOlderVerificationDoNotOverwrite() {
        SupplierEvidence e = of(accepted("D1", 1)).withIssuance(issuance("D1", ISSUED, 3, 5))
                .withIssuance(issuance("D1", SUBMITTED, 1, 2))
                .withAsw(asw("D1", VERIFIED, 5)).withAsw(asw("D1", NOT_VERIFIED, 3));

        assertThat(e.issuance()).containsExactly(issuance("D1", ISSUED, 3, 5));
        assertThat(e.asw()).containsExactly(asw("D1", VERIFIED, 5));
    }

    @Test
    void percentRoundsHalfUp() {
        assertThat(ScoringModel.percent(1, 8)).isEqualTo(13); // 12.5
        assertThat(ScoringModel.percent(2, 3)).isEqualTo(67);
        assertThat(ScoringModel.percent(1, 3)).isEqualTo(33);
    }

    private static Map<String, Integer> values(ScoreCard card) {
        return card.factors().stream().collect(Collectors.toMap(ScoreFactor::code, ScoreFactor::value));
    }

    private static String explanation(ScoreCard card, String code) {
        Map<String, ScoreFactor> byCode = card.factors().stream()
                .collect(Collectors.toMap(ScoreFactor::code, Function.identity()));
        return byCode.get(code).explanation();
    }
}
