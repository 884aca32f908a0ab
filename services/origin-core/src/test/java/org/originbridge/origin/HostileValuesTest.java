package org.originbridge.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.originbridge.origin.code.Decimals;
import org.originbridge.origin.code.HsCode;
import org.originbridge.origin.code.Ids;
import org.originbridge.origin.code.InvalidCodeException;
import org.originbridge.origin.code.Quantity;
import org.originbridge.origin.rule.RuleParseException;
import org.originbridge.origin.rule.RuleParser;

/** The inputs measured to hurt (issue 6): each is refused with a small message that does not echo it. */
class HostileValuesTest {

    private static final String DIGITS_300K = "9".repeat(300_000);

    @Test
    void aHugeExponentIsRefusedBeforeAnyArithmetic() {
        BigDecimal hostile = new BigDecimal("1e999999999"); // cheap to build, fatal to setScale/toPlainString
        assertThatThrownBy(() -> Decimals.bounded(hostile)).isInstanceOf(InvalidCodeException.class)
                .hasMessageContaining("too large").extracting(e -> ((InvalidCodeException) e).code())
                .isEqualTo(ErrorCodes.LIMIT_EXCEEDED);
        assertThatThrownBy(() -> Decimals.bounded(new BigDecimal("1e-999999999")))
                .hasMessageContaining("decimal places");
        assertThatThrownBy(() -> Quantity.of(hostile, "PCE")).isInstanceOf(InvalidCodeException.class);
        assertThatThrownBy(() -> Decimals.parse("1e999999999")).isInstanceOf(InvalidCodeException.class);
    }

    @Test
    void threeHundredThousandDigitsAreRefusedWithoutBeingParsedOrEchoed() {
        assertThatThrownBy(() -> Decimals.parse(DIGITS_300K)).isInstanceOf(InvalidCodeException.class)
                .hasMessage("the number is 300000 characters long; at most 40 are accepted");
        BigDecimal huge = new BigDecimal(new java.math.BigInteger(DIGITS_300K.substring(0, 2_000)));
        assertThatThrownBy(() -> Decimals.bounded(huge)).hasMessageContaining("too large");
    }

    @Test
    void ordinaryDecimalsStillParse() {
        assertThat(Decimals.parse("123456789012345.678")).isEqualByComparingTo("123456789012345.678");
        assertThat(Decimals.bounded(new BigDecimal("1E+3"))).isEqualByComparingTo("1000");
        assertThat(Decimals.bounded(new BigDecimal("0.000000000000000001"))).isNotNull();
    }

    @Test
    void aRuleNested50000DeepIsRefusedWithoutRecursing() {
        String deep = "(".repeat(50_000) + "CTH" + ")".repeat(50_000);
        assertThatThrownBy(() -> RuleParser.parse(deep)).isInstanceOf(RuleParseException.class)
                .hasMessage("the rule is 100003 characters long; at most 500 are accepted");
    }

    @Test
    void aRuleWithinTheLengthButNestedTooDeepIsRefused() {
        String nine = "(".repeat(9) + "CTH" + ")".repeat(9);
        assertThatThrownBy(() -> RuleParser.parse(nine)).isInstanceOf(RuleParseException.class)
                .hasMessageContaining("parentheses nest deeper than 8 levels");
        String eight = "(".repeat(8) + "CTH or RVC40" + ")".repeat(8);
        assertThat(RuleParser.parse(eight).text()).isEqualTo("CTH or RVC40");
    }

    @Test
    void aLongUnknownRuleTokenIsShownOnlyAsAPrefix() {
        String token = "X".repeat(400);
        assertThatThrownBy(() -> RuleParser.parse(token)).hasMessageNotContaining(token)
                .hasMessageContaining("XXXXXXXXXXXXXXXXXXXX...");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A\r\nSet-Cookie: x", "A\nB", "{\"$gt\": \"\"}", "$where", "a b", "../etc", "-leading", ""})
    void unsafeIdsAreRefused(String id) {
        assertThatThrownBy(() -> Ids.parse(id)).isInstanceOf(InvalidCodeException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n"));
    }

    @Test
    void idsAreBoundedAndSafeOnesPass() {
        assertThat(Ids.parse("DEMO-CO-0001")).isEqualTo("DEMO-CO-0001");
        assertThat(Ids.parse("0b5d3f1e-7c1a-4e7b-9a51-5f0d2b1c9e77")).isNotNull();
        assertThat(Ids.parseReference("CN/2026/000123")).isEqualTo("CN/2026/000123");
        assertThatThrownBy(() -> Ids.parse("CN/2026")).isInstanceOf(InvalidCodeException.class);
        assertThatThrownBy(() -> Ids.parse("A".repeat(65)))
                .hasMessage("the identifier is 65 characters long; at most 64 are accepted");
    }

    @Test
    void codeParsersShowOnlyASanitisedPrefix() {
        String hostile = "12\r\n" + "9".repeat(100_000);
        assertThatThrownBy(() -> HsCode.parse(hostile))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).doesNotContain("\r", "\n"));
    }

    @Test
    void problemsAreCappedWithACountOfTheRest() {
        List<FieldError> many = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            many.add(new FieldError("goods[" + i + "]", ErrorCodes.REQUIRED, "goods item is empty"));
        }
        List<FieldError> capped = InputLimits.DEFAULT.capped(many);
        assertThat(capped).hasSize(51);
        assertThat(capped.get(50)).isEqualTo(new FieldError("$", ErrorCodes.MORE_PROBLEMS,
                "and 19950 more problem(s) not listed"));
        assertThat(InputLimits.DEFAULT.capped(many.subList(0, 50))).hasSize(50);
    }

    @Test
    void shownValuesAreShortAndPrintable() {
        assertThat(InputLimits.shown("CTH")).isEqualTo("'CTH'");
        assertThat(InputLimits.shown("a\r\nb")).isEqualTo("'a??b'");
        assertThat(InputLimits.shown("x".repeat(1000))).isEqualTo("'" + "x".repeat(32) + "...' (1000 chars)");
        assertThat(InputLimits.fieldName("hsCode")).isEqualTo("hsCode");
        assertThat(InputLimits.fieldName("$where")).isEqualTo("'$where'");
    }
}
