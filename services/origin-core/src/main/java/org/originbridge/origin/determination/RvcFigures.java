package org.originbridge.origin.determination;

import java.math.BigDecimal;

/**
 * The figures of an RVC computation. {@code percent} is for display only (2 places, HALF_UP); thresholds are
 * compared on exact values by {@link RvcCalculator#meets}.
 *
 * @param method       build-down or build-up
 * @param percent      the RVC, rounded to 2 places
 * @param fob          FOB value of the good
 * @param vnm          value of non-originating materials (after Art 3.5.5 deductions)
 * @param vom          value of originating materials (indirect materials included)
 * @param buildUpCosts direct labour + direct overhead + profit + other costs (zero for build-down)
 */
public record RvcFigures(RvcMethod method, BigDecimal percent, BigDecimal fob, BigDecimal vnm, BigDecimal vom,
                         BigDecimal buildUpCosts) {

    /** The exact numerator of the formula: FOB - VNM (build-down) or VOM + costs (build-up). */
    public BigDecimal numerator() {
        return method == RvcMethod.BUILD_DOWN ? fob.subtract(vnm) : vom.add(buildUpCosts);
    }
}
