package org.originbridge.origin.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.originbridge.origin.code.HsCode;
import org.originbridge.origin.determination.DeterminationOutcome;
import org.originbridge.origin.determination.DeterminationRequest;
import org.originbridge.origin.determination.OriginDeterminer;

class VersionedRuleTableTest {
    // a table stated in HS 2012: 8529 (parts for displays) CTH; 8517 CTSH or RVC40
    static final RuleTable TABLE = RuleTable.parse(new StringReader("""
            hs_code,rule,provenance
            8529,CTH,"Annex 3A as transcribed by the operator, 2026-11"
            8517,CTSH or RVC40,"Annex 3A as transcribed by the operator, 2026-11"
            851712,CTSH,"Annex 3A as transcribed by the operator, 2026-11"
            """), "operator.csv");
    static final VersionedRuleTable V2 = new VersionedRuleTable("RCEP", HsEdition.HS2012, 2, Instant.EPOCH,
            "operator.csv", VersionedRuleTable.samples(TABLE), TABLE);

    @Test
    void aCodeInHs2022FindsTheRuleStatedInHs2012ThroughTheCorrelation() {
        // HS 2022 8524.91 (display modules) did not exist in 2012; it came from 8529.90
        RuleLookup lookup = V2.lookupFrom(HsEdition.HS2022, HsCorrelation.loadDefault());
        RuleEntry entry = lookup.lookup(HsCode.parse("852491")).orElseThrow();
        assertThat(entry.rule().text()).isEqualTo("CTH");
        assertThat(entry.hsPrefix()).isEqualTo("8529");
        assertThat(entry.provenance()).isEqualTo("RCEP HS2012 v2: Annex 3A as transcribed by the operator, 2026-11; "
                + "HS2022 852491 corresponds to HS2012 852990 (HS correlation)");
        // without the correlation the code finds nothing in the 2012 table
        assertThat(TABLE.lookup(HsCode.parse("852491"))).isEmpty();
    }

    @Test
    void aSplitFindsTheRuleOfTheSubheadingItCameFrom() {
        RuleLookup lookup = V2.lookupFrom(HsEdition.HS2022, HsCorrelation.loadDefault());
        assertThat(lookup.lookup(HsCode.parse("851713")).orElseThrow().rule().text()).isEqualTo("CTSH");
        assertThat(lookup.lookup(HsCode.parse("851714")).orElseThrow().hsPrefix()).isEqualTo("851712");
        // unchanged codes correlate to themselves
        assertThat(lookup.lookup(HsCode.parse("851762")).orElseThrow().rule().text()).isEqualTo("CTSH or RVC40");
    }

    @Test
    void aCodeCorrespondingToSubheadingsWithDifferentRulesHasNoSingleRule() {
        HsCorrelation merge = HsCorrelation.of(List.of(
                new HsCorrelation.Link(HsEdition.HS2012, HsCode.parse("852990"), HsEdition.HS2017, HsCode.parse("852990")),
                new HsCorrelation.Link(HsEdition.HS2012, HsCode.parse("851770"), HsEdition.HS2017, HsCode.parse("852990"))));
        assertThat(V2.lookup(HsCode.parse("852990"), HsEdition.HS2017, merge)).isEmpty();
    }

    @Test
    void theDeterminationNamesTheTableVersionAndTheCorrelation() {
        OriginDeterminer determiner = new OriginDeterminer(V2.lookupFrom(HsEdition.HS2022, HsCorrelation.loadDefault()));
        DeterminationOutcome outcome = determiner.determine(DeterminationRequest.of("852491", "100", List.of()));
        assertThat(((DeterminationOutcome.Determined) outcome).determination().reasons())
                .anySatisfy(r -> assertThat(r).contains("RCEP HS2012 v2", "HS2022 852491 corresponds to HS2012 852990"));
    }

    @Test
    void theShippedTableIsVersionOneOfRcepHs2012AndMarkedAsSamples() {
        VersionedRuleTable shipped = VersionedRuleTable.shipped();
        assertThat(shipped.label()).isEqualTo("RCEP HS2012 v1 (sample rows)");
        assertThat(shipped.table().entries()).allSatisfy(e -> assertThat(e.provenance()).containsIgnoringCase("illustrative"));
        assertThat(V2.sample()).isFalse();
    }

    @Test
    void correlationRowsLinkConsecutiveEditionsOnly() {
        assertThatThrownBy(() -> HsCorrelation.parse(new StringReader(
                "from_edition,from_code,to_edition,to_code\n2012,851712,2022,851713\n"), "c.csv"))
                .hasMessageContaining("consecutive editions");
        assertThatThrownBy(() -> HsCorrelation.parse(new StringReader(
                "from_edition,from_code,to_edition,to_code\n2012,85171,2017,851713\n"), "c.csv"))
                .hasMessageContaining("c.csv line 2");
        assertThat(HsEdition.parse("hs 2017")).isEqualTo(HsEdition.HS2017);
    }
}
