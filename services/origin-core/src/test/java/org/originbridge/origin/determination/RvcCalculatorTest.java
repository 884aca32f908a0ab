package org.originbridge.origin.determination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originbridge.origin.determination.MaterialOrigin.NON_ORIGINATING;
import static org.originbridge.origin.determination.MaterialOrigin.ORIGINATING;
import static org.originbridge.origin.determination.MaterialOrigin.UNDETERMINED;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Art 3.5 worked examples: every figure below is computed by hand in the comment next to it. */
class RvcCalculatorTest {

    @ParameterizedTest(name = "build-down FOB {0}, VNM {1} -> {2}% met={3}")
    @CsvSource({
            // (100.00 - 60.00) / 100.00 x 100 = 40.00 -> exactly the threshold: met
            "100.00, 60.00, 40.00, true",
            // (100.00 - 60.01) / 100.00 x 100 = 39.99: one cent over -> not met
            "100.00, 60.01, 39.99, false",
            // (300.00 - 180.01) / 300.00 x 100 = 39.99666.. -> shows 40.00 but is below 40: not met
            "300.00, 180.01, 40.00, false",
            // (3.00 - 1.80) / 3.00 x 100 = 40 exactly
            "3.00, 1.80, 40.00, true",
            // (7.00 - 4.20) / 7.00 x 100 = 40 exactly; (7.00 - 4.21)/7 = 39.857.. -> 39.86
            "7.00, 4.20, 40.00, true",
            "7.00, 4.21, 39.86, false",
            // no non-originating materials: 100%
            "50.00, 0, 100.00, true",
            // (1.00 - 0.595) / 1.00 x 100 = 40.5 -> HALF_UP 40.50
            "1.00, 0.595, 40.50, true"})
    void buildDown(String fob, String vnm, String percent, boolean meets40) {
        List<Material> materials = List.of(Material.of("n", "440791", vnm, NON_ORIGINATING));
        RvcFigures f = RvcCalculator.buildDown(new BigDecimal(fob), materials);
        assertThat(f.percent()).isEqualByComparingTo(percent);
        assertThat(f.percent().scale()).isEqualTo(2);
        assertThat(RvcCalculator.meets(f, 40)).isEqualTo(meets40);
    }

    @ParameterizedTest(name = "build-up FOB {0}, VOM {1}, labour {2}, overhead {3}, profit {4}, other {5} -> {6}%")
    @CsvSource({
            // (60 + 25 + 10 + 5 + 0) / 250 x 100 = 40 exactly: met
            "250.00, 60.00, 25.00, 10.00, 5.00, 0.00, 40.00, true",
            // (60 + 25 + 10 + 4.99 + 0) / 250 x 100 = 39.996 -> shows 40.00 but not met
            "250.00, 60.00, 25.00, 10.00, 4.99, 0.00, 40.00, false",
            // (10 + 10 + 10 + 10 + 9.99) / 125 x 100 = 39.992 -> 39.99 not met
            "125.00, 10.00, 10.00, 10.00, 10.00, 9.99, 39.99, false",
            // (50 + 0 + 0 + 0 + 0) / 100 = 50%
            "100.00, 50.00, 0, 0, 0, 0, 50.00, true"})
    void buildUp(String fob, String vom, String labour, String overhead, String profit, String other, String percent,
                 boolean meets40) {
        List<Material> materials = List.of(Material.of("o", "440791", vom, ORIGINATING),
                Material.of("n", "440792", "1000.00", NON_ORIGINATING));
        RvcFigures f = RvcCalculator.buildUp(new BigDecimal(fob), materials, BuildUpCosts.of(labour, overhead, profit, other));
        assertThat(f.percent()).isEqualByComparingTo(percent);
        assertThat(f.vom()).isEqualByComparingTo(vom);
        assertThat(RvcCalculator.meets(f, 40)).isEqualTo(meets40);
    }

    @Test
    void vnmCountsUndeterminedSubtractsDeductionsAndSkipsIndirect() {
        List<Material> materials = List.of(
                Material.of("a", "440791", "30.00", NON_ORIGINATING).withDeductibleCosts("2.50"),
                Material.of("b", "940390", "12.00", UNDETERMINED),
                Material.of("c", "830242", "8.50", ORIGINATING),
                Material.of("d", "271019", "0.40", NON_ORIGINATING).asIndirect());
        // VNM = (30.00 - 2.50) + 12.00 = 39.50; VOM = 8.50 + 0.40 (indirect counts as originating) = 8.90
        assertThat(RvcCalculator.vnm(materials)).isEqualByComparingTo("39.50");
        assertThat(RvcCalculator.vom(materials)).isEqualByComparingTo("8.90");
    }

    @Test
    void percentRoundsHalfUpFromTheExactQuotient() {
        // 1 / 8 x 100 = 12.5 ; 2 / 3 x 100 = 66.666.. -> 66.67 ; 0.125 x 100 / 1 = 12.50
        assertThat(RvcCalculator.percent(new BigDecimal("1"), new BigDecimal("8"))).isEqualByComparingTo("12.50");
        assertThat(RvcCalculator.percent(new BigDecimal("2"), new BigDecimal("3"))).isEqualTo(new BigDecimal("66.67"));
        assertThat(RvcCalculator.percent(new BigDecimal("0.00005"), new BigDecimal("1"))).isEqualTo(new BigDecimal("0.01"));
    }
}
