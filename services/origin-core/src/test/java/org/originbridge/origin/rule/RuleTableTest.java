package org.originbridge.origin.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.originbridge.origin.code.HsCode;

class RuleTableTest {
    private static final String CSV = """
            # comment
            hs_code,rule,provenance
            94,CC,chapter row
            9403,CTH or RVC40,heading row

            940360,"CTSH and RVC40","subheading row, quoted"
            """;

    private final RuleTable table = RuleTable.parse(new StringReader(CSV), "test.csv");

    @Test
    void lookupFallsBackSubheadingHeadingChapter() {
        assertThat(table.lookup(HsCode.parse("940360")).orElseThrow().provenance()).isEqualTo("subheading row, quoted");
        assertThat(table.lookup(HsCode.parse("940360")).orElseThrow().rule().text()).isEqualTo("CTSH and RVC40");
        assertThat(table.lookup(HsCode.parse("940390")).orElseThrow().hsPrefix()).isEqualTo("9403");
        assertThat(table.lookup(HsCode.parse("940110")).orElseThrow().rule().text()).isEqualTo("CC");
        assertThat(table.lookup(HsCode.parse("850440"))).isEmpty();
        assertThat(table.size()).isEqualTo(3);
    }

    @Test
    void shippedTableLoadsAndEveryRowStatesProvenance() {
        RuleTable shipped = RuleTable.loadDefault();
        assertThat(shipped.size()).isGreaterThanOrEqualTo(5);
        assertThat(shipped.entries()).allSatisfy(e -> assertThat(e.provenance()).containsIgnoringCase("verify"));
        assertThat(shipped.lookup(HsCode.parse("010121")).orElseThrow().rule().text()).isEqualTo("WO");
        assertThat(shipped.lookup(HsCode.parse("940360")).orElseThrow().rule().text()).isEqualTo("CTH or RVC40");
    }

    @Test
    void errorsNameLineAndColumn() {
        assertThatThrownBy(() -> RuleTable.parse(new StringReader("hs_code,rule,provenance\n940,CTH,x\n"), "t.csv"))
                .hasMessageContaining("t.csv line 2, column hs_code").hasMessageContaining("2, 4 or 6 digits");
        assertThatThrownBy(() -> RuleTable.parse(new StringReader("hs_code,rule,provenance\n9403,CTH or XYZ,x\n"), "t.csv"))
                .hasMessageContaining("t.csv line 2, column rule").hasMessageContaining("'XYZ'");
        assertThatThrownBy(() -> RuleTable.parse(new StringReader("hs_code,rule,provenance\n9403,CTH,\n"), "t.csv"))
                .hasMessageContaining("column provenance");
        assertThatThrownBy(() -> RuleTable.parse(new StringReader("hs_code,rule,provenance\n9403,CTH\n"), "t.csv"))
                .hasMessageContaining("expected 3 columns");
        assertThatThrownBy(() -> RuleTable.parse(new StringReader("hs_code,rule,provenance\n9403,CTH,a\n9403,CC,b\n"), "t.csv"))
                .hasMessageContaining("line 3").hasMessageContaining("already has a rule on line 2");
        assertThatThrownBy(() -> RuleTable.parse(new StringReader("code,rule\n"), "t.csv"))
                .hasMessageContaining("expected the header");
        assertThatThrownBy(() -> RuleTable.parse(new StringReader("hs_code,rule,provenance\n9403,CTH,\"open\n"), "t.csv"))
                .hasMessageContaining("line 2").hasMessageContaining("unclosed quote");
    }
}
