package org.originbridge.origin.determination;

import java.math.BigDecimal;

/** The cost elements added to VOM by the build-up formula. Missing elements are zero. */
public record BuildUpCosts(BigDecimal directLabour, BigDecimal directOverhead, BigDecimal profit, BigDecimal other) {

    public static final BuildUpCosts NONE = new BuildUpCosts(null, null, null, null);

    public BuildUpCosts {
        directLabour = orZero(directLabour);
        directOverhead = orZero(directOverhead);
        profit = orZero(profit);
        other = orZero(other);
        if (directLabour.signum() < 0 || directOverhead.signum() < 0 || profit.signum() < 0 || other.signum() < 0) {
            throw new IllegalArgumentException("build-up costs must not be negative");
        }
    }

    public static BuildUpCosts of(String directLabour, String directOverhead, String profit, String other) {
        return new BuildUpCosts(new BigDecimal(directLabour), new BigDecimal(directOverhead), new BigDecimal(profit),
                new BigDecimal(other));
    }

    public BigDecimal total() {
        return directLabour.add(directOverhead).add(profit).add(other);
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
