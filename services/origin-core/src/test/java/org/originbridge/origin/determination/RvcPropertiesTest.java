package org.originbridge.origin.determination;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.originbridge.origin.code.HsCode;

/** Properties of the Art 3.5 formulas over random exact amounts. */
class RvcPropertiesTest {

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> fobs() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("200000")).ofScale(2);
    }

    private static Material material(BigDecimal value, MaterialOrigin origin) {
        return new Material(null, null, HsCode.parse("440791"), value, null, origin, BigDecimal.ZERO, false);
    }

    @Property
    void buildDownNeverRisesWhenANonOriginatingValueRises(@ForAll("fobs") BigDecimal fob, @ForAll("amounts") BigDecimal a,
                                                          @ForAll("amounts") BigDecimal increase,
                                                          @ForAll @IntRange(min = 1, max = 100) int threshold) {
        RvcFigures before = RvcCalculator.buildDown(fob, List.of(material(a, MaterialOrigin.NON_ORIGINATING)));
        RvcFigures after = RvcCalculator.buildDown(fob, List.of(material(a.add(increase), MaterialOrigin.NON_ORIGINATING)));
        assertThat(after.percent()).isLessThanOrEqualTo(before.percent());
        if (RvcCalculator.meets(after, threshold)) {
            assertThat(RvcCalculator.meets(before, threshold)).isTrue();
        }
    }

    @Property
    void buildUpRisesWithVom(@ForAll("fobs") BigDecimal fob, @ForAll("amounts") BigDecimal vom,
                             @ForAll("amounts") BigDecimal increase, @ForAll("amounts") BigDecimal labour) {
        BuildUpCosts costs = new BuildUpCosts(labour, null, null, null);
        RvcFigures before = RvcCalculator.buildUp(fob, List.of(material(vom, MaterialOrigin.ORIGINATING)), costs);
        RvcFigures after = RvcCalculator.buildUp(fob, List.of(material(vom.add(increase), MaterialOrigin.ORIGINATING)), costs);
        assertThat(after.percent()).isGreaterThanOrEqualTo(before.percent());
        assertThat(after.numerator()).isGreaterThanOrEqualTo(before.numerator());
    }

    @Property
    void buildDownOfFobMinusVnmIsExact(@ForAll("fobs") BigDecimal fob, @ForAll("amounts") BigDecimal vnm) {
        RvcFigures f = RvcCalculator.buildDown(fob, List.of(material(vnm, MaterialOrigin.NON_ORIGINATING)));
        // meets(t) <=> (FOB - VNM) x 100 >= t x FOB, the exact comparison; the rounded percent is at most 0.005 away
        BigDecimal exact = fob.subtract(vnm).multiply(BigDecimal.valueOf(100));
        for (int t : new int[] {35, 40, 45}) {
            assertThat(RvcCalculator.meets(f, t)).isEqualTo(exact.compareTo(fob.multiply(BigDecimal.valueOf(t))) >= 0);
        }
        assertThat(f.percent().multiply(fob).subtract(exact).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.005").multiply(fob));
    }

    @Property
    void originatingMaterialsDoNotChangeBuildDown(@ForAll("fobs") BigDecimal fob, @ForAll("amounts") BigDecimal vnm,
                                                  @ForAll("amounts") BigDecimal originating) {
        List<Material> base = new ArrayList<>(List.of(material(vnm, MaterialOrigin.NON_ORIGINATING)));
        RvcFigures before = RvcCalculator.buildDown(fob, base);
        base.add(material(originating, MaterialOrigin.ORIGINATING));
        assertThat(RvcCalculator.buildDown(fob, base).percent()).isEqualTo(before.percent());
    }

    @Property
    void undeterminedCountsLikeNonOriginating(@ForAll("fobs") BigDecimal fob, @ForAll("amounts") BigDecimal value) {
        assertThat(RvcCalculator.buildDown(fob, List.of(material(value, MaterialOrigin.UNDETERMINED))))
                .isEqualTo(RvcCalculator.buildDown(fob, List.of(material(value, MaterialOrigin.NON_ORIGINATING))));
    }

    @Property
    void deductionsNeverLowerBuildDown(@ForAll("fobs") BigDecimal fob, @ForAll("amounts") BigDecimal value,
                                       @ForAll @IntRange(min = 0, max = 100) int deductedPercent) {
        BigDecimal deduction = value.multiply(BigDecimal.valueOf(deductedPercent)).divide(BigDecimal.valueOf(100));
        Material plain = material(value, MaterialOrigin.NON_ORIGINATING);
        Material deducted = new Material(null, null, plain.hsCode(), value, null, MaterialOrigin.NON_ORIGINATING,
                deduction, false);
        assertThat(RvcCalculator.buildDown(fob, List.of(deducted)).numerator())
                .isGreaterThanOrEqualTo(RvcCalculator.buildDown(fob, List.of(plain)).numerator());
    }
}
