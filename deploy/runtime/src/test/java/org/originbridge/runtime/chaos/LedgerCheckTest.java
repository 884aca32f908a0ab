package org.originbridge.runtime.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.originbridge.runtime.chaos.LedgerCheck.Outcome;

class LedgerCheckTest {

    static JsonNode json(String text) throws Exception {
        return ChaosApi.JSON.readTree(text.replace('\'', '"'));
    }

    static final String ISSUED = """
            {'declarationId':'D1','intake':{'outcome':'ACCEPTED'},
             'verification':{'outcome':'VERIFIED','verificationCode':'eyJ.a.b','shortCode':'ABCD-EFGH-JK','aswReference':'ASW-1'},
             'issuance':{'current':{'status':'ISSUED','qrToken':'eyJ.q.r'}}}""";

    @Test
    void eachStatusHasExactlyOneOutcome() throws Exception {
        assertThat(LedgerCheck.outcome(null)).isEqualTo(Outcome.PENDING);
        assertThat(LedgerCheck.outcome(json("{'intake':{'outcome':'SUBMITTED'}}"))).isEqualTo(Outcome.PENDING);
        assertThat(LedgerCheck.outcome(json("{'intake':{'outcome':'ACCEPTED'},'verification':{'outcome':'VERIFIED'},"
                + "'issuance':{'current':{'status':'UNDER_REVIEW'}}}"))).isEqualTo(Outcome.PENDING);
        assertThat(LedgerCheck.outcome(json(ISSUED))).isEqualTo(Outcome.ISSUED);
        assertThat(LedgerCheck.outcome(json("{'intake':{'outcome':'REJECTED'}}"))).isEqualTo(Outcome.REJECTED);
        assertThat(LedgerCheck.outcome(json("{'intake':{'outcome':'ACCEPTED'},'verification':{'outcome':'NOT_VERIFIED'}}")))
                .isEqualTo(Outcome.NOT_VERIFIED);
        // a dead-lettered record wins over whatever else is shown: the declaration is FAILED
        assertThat(LedgerCheck.outcome(json("{'intake':{'outcome':'ACCEPTED'},'failure':{'status':'FAILED','reason':'x'}}")))
                .isEqualTo(Outcome.FAILED);
    }

    @Test
    void aCleanRunPassesAndCountsRepeatsWithTheSameKeyWithoutFailing() throws Exception {
        JsonNode issued = json(ISSUED);
        LedgerCheck.Result r = LedgerCheck.check("x", List.of(
                new LedgerCheck.Observed("D1", issued, 2, 1, 1, 1, 2, 1, 0),
                new LedgerCheck.Observed("D2", json("{'intake':{'outcome':'REJECTED'}}"), 0, 0, 0, 0, 0, 0, 0)),
                Map.of("D1", LedgerCheck.codes(issued)), List.of(), List.of());
        assertThat(r.passed()).as(r.format()).isTrue();
        assertThat(r.outcomes()).containsEntry(Outcome.ISSUED, 1).containsEntry(Outcome.REJECTED, 1);
        assertThat(r.aswRepeatedCalls()).isEqualTo(1);
        assertThat(r.verificationsRepublished()).isEqualTo(1); // identical bytes again: counted, not a failure
        assertThat(r.codesCompared()).isEqualTo(1);
        assertThat(r.codesChanged()).isZero();
        assertThat(r.format()).contains("submitted                 2").contains("codes unchanged           1/1");
    }

    @Test
    void everyKindOfLossOrDuplicateFailsTheCheck() throws Exception {
        JsonNode issued = json(ISSUED);
        LedgerCheck.Codes printedEarlier = new LedgerCheck.Codes("eyJ.OLD.b", "ABCD-EFGH-JK", "ASW-1", "eyJ.q.r");
        LedgerCheck.Result r = LedgerCheck.check("x", List.of(
                new LedgerCheck.Observed("PENDING", null, 0, 0, 0, 0, 0, 0, 0),
                new LedgerCheck.Observed("SECOND-ASW-KEY", issued, 2, 2, 1, 1, 1, 1, 0),
                new LedgerCheck.Observed("SECOND-CCPIT-KEY", issued, 1, 1, 2, 2, 1, 1, 0),
                new LedgerCheck.Observed("DIFFERING", issued, 1, 1, 1, 1, 2, 2, 0),
                new LedgerCheck.Observed("DEAD", issued, 1, 1, 1, 1, 1, 1, 1),
                new LedgerCheck.Observed("CODE-CHANGED", issued, 1, 1, 1, 1, 1, 1, 0)),
                Map.of("CODE-CHANGED", printedEarlier), List.of("a note"), List.of());
        assertThat(r.passed()).isFalse();
        assertThat(r.problems()).hasSize(6);
        assertThat(r.aswSecondKeys()).isEqualTo(1);
        assertThat(r.ccpitSecondKeys()).isEqualTo(1);
        assertThat(r.verificationsDiffering()).isEqualTo(1);
        assertThat(r.deadLettered()).isEqualTo(1);
        assertThat(r.codesChanged()).isEqualTo(1);
        assertThat(r.format()).contains("FAIL").contains("a note").contains("PENDING has no final outcome");
    }

    @Test
    void percentilesOfLatencies() {
        ChaosSuite.Percentiles p = ChaosSuite.Percentiles.of(java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList());
        assertThat(p.p50()).isEqualTo(50);
        assertThat(p.p99()).isEqualTo(99);
        assertThat(p.max()).isEqualTo(100);
        assertThat(ChaosSuite.Percentiles.of(List.of()).count()).isZero();
    }
}
