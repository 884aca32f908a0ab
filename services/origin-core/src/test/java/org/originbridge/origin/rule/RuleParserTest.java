package org.originbridge.origin.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.originbridge.origin.rule.Rule.AllOf;
import org.originbridge.origin.rule.Rule.AnyOf;
import org.originbridge.origin.rule.Rule.Level;
import org.originbridge.origin.rule.Rule.RegionalValueContent;
import org.originbridge.origin.rule.Rule.TariffChange;

class RuleParserTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "WO                 | WO",
            "pe                 | PE",
            "CC                 | CC",
            "cth                | CTH",
            "CTSH               | CTSH",
            "RVC40              | RVC40",
            "rvc35              | RVC35",
            "CR                 | CR",
            "CTH or RVC40       | CTH or RVC40",
            "CTSH AND RVC40     | CTSH and RVC40",
            "'  CC   Or  WO '   | CC or WO",
            "CTH and RVC40 or CC | CTH and RVC40 or CC",
            "CC or CTH and RVC40 | CC or CTH and RVC40",
            "(CC or CTH) and RVC40 | (CC or CTH) and RVC40",
            "((CTH))            | CTH"})
    void parsesAndRendersCanonically(String text, String canonical) {
        Rule rule = RuleParser.parse(text);
        assertThat(rule.text()).isEqualTo(canonical);
        assertThat(RuleParser.parse(rule.text())).isEqualTo(rule);
    }

    @Test
    void andBindsTighterThanOr() {
        Rule rule = RuleParser.parse("CC or CTH and RVC40");
        assertThat(rule).isEqualTo(new AnyOf(List.of(new TariffChange(Level.CHAPTER),
                new AllOf(List.of(new TariffChange(Level.HEADING), new RegionalValueContent(40))))));
        assertThat(rule.topLevelAlternatives()).hasSize(2);
    }

    @Test
    void singleCriterionIsItsOwnAlternative() {
        Rule rule = RuleParser.parse("CTSH and RVC40");
        assertThat(rule).isInstanceOf(AllOf.class);
        assertThat(rule.topLevelAlternatives()).containsExactly(rule);
    }

    @ParameterizedTest(name = "''{0}'' -> token ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "CTH or RVX40     | RVX40 | unknown criterion 'RVX40'",
            "CTH xor RVC40    | xor   | unexpected token 'xor'",
            "CTH or           | ''    | rule ends where a criterion",
            "and CTH          | and   | unknown criterion 'and'",
            "RVC0             | RVC0  | must be between 1 and 100",
            "RVC101           | RVC101 | must be between 1 and 100",
            "(CTH or CC       | ''    | missing ')'",
            "CTH)             | )     | unexpected token ')'",
            "CTH,RVC40        | CTH,RVC40 | unknown criterion 'CTH,RVC40'"})
    void errorsNameTheUnparseableToken(String text, String token, String message) {
        assertThatThrownBy(() -> RuleParser.parse(text))
                .isInstanceOf(RuleParseException.class)
                .hasMessageContaining(message)
                .hasMessageContaining("cannot parse rule")
                .extracting(e -> ((RuleParseException) e).token()).isEqualTo(token);
    }

    @Test
    void positionPointsAtTheToken() {
        assertThatThrownBy(() -> RuleParser.parse("CTH or FOO"))
                .isInstanceOf(RuleParseException.class)
                .hasMessageContaining("at position 7")
                .extracting(e -> ((RuleParseException) e).position()).isEqualTo(7);
    }

    @Test
    void emptyRuleIsAnError() {
        assertThatThrownBy(() -> RuleParser.parse("  ")).isInstanceOf(RuleParseException.class)
                .hasMessageContaining("empty");
    }
}
