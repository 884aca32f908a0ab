package org.originbridge.origin.determination;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Regional value content (Art 3.5) in exact decimal arithmetic.
 * <ul>
 *   <li>build-down: RVC = (FOB - VNM) / FOB x 100</li>
 *   <li>build-up: RVC = (VOM + direct labour + direct overhead + profit + other costs) / FOB x 100</li>
 * </ul>
 * A threshold is met when {@code numerator x 100 >= threshold x FOB}: no division, no rounding.
 */
public final class RvcCalculator {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RvcCalculator() {
    }

    /**
     * VNM: the non-originating and undetermined (Art 3.5.4) materials' values less deductible costs (Art 3.5.5);
     * indirect materials (Art 3.10) and transport packing (Art 3.8.1) excluded; accessories (Art 3.9) and retail
     * packaging (Art 3.8) included as what they are.
     */
    public static BigDecimal vnm(List<Material> materials) {
        return materials.stream().map(Material::vnmContribution).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** VOM: the originating materials' values, indirect materials included (Art 3.10), transport packing not (3.8.1). */
    public static BigDecimal vom(List<Material> materials) {
        return materials.stream().map(Material::vomContribution).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static RvcFigures buildDown(BigDecimal fob, List<Material> materials) {
        BigDecimal vnm = vnm(materials);
        return new RvcFigures(RvcMethod.BUILD_DOWN, percent(fob.subtract(vnm), fob), fob, vnm, vom(materials),
                BigDecimal.ZERO);
    }

    public static RvcFigures buildUp(BigDecimal fob, List<Material> materials, BuildUpCosts costs) {
        BigDecimal vom = vom(materials);
        return new RvcFigures(RvcMethod.BUILD_UP, percent(vom.add(costs.total()), fob), fob, vnm(materials), vom,
                costs.total());
    }

    public static RvcFigures compute(RvcMethod method, BigDecimal fob, List<Material> materials, BuildUpCosts costs) {
        return method == RvcMethod.BUILD_UP ? buildUp(fob, materials, costs) : buildDown(fob, materials);
    }

    /** Exact comparison: {@code numerator x 100 >= threshold x FOB}. */
    public static boolean meets(RvcFigures figures, int threshold) {
        return figures.numerator().multiply(HUNDRED).compareTo(BigDecimal.valueOf(threshold).multiply(figures.fob())) >= 0;
    }

    /** {@code part / whole x 100}, rounded to 2 places HALF_UP from the exact quotient: for display only. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
