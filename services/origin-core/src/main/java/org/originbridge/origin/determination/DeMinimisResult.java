package org.originbridge.origin.determination;

import java.math.BigDecimal;
import java.util.List;

/**
 * The de minimis test (Art 3.7) for materials that failed a change in tariff classification.
 *
 * @param tariffChange      the CTC that failed (CC, CTH or CTSH)
 * @param materials         labels of the non-originating materials that failed it
 * @param failingValue      their total value
 * @param valuePercent      failingValue / FOB x 100, rounded for display
 * @param valueTestMet      failingValue x 100 <= 10 x FOB (exact)
 * @param failingWeightKg   their total weight, when the weight test applies and every failing material has one; else null
 * @param weightPercent     failingWeightKg / the good's weight x 100, rounded; else null
 * @param weightTestMet     weight test met (only for goods of HS chapters 50-63)
 * @param met               either test met: the CTC is treated as satisfied
 */
public record DeMinimisResult(String tariffChange, List<String> materials, BigDecimal failingValue,
                              BigDecimal valuePercent, boolean valueTestMet, BigDecimal failingWeightKg,
                              BigDecimal weightPercent, boolean weightTestMet, boolean met) {
    public DeMinimisResult {
        materials = List.copyOf(materials);
    }

    /** The basis on which de minimis was met: VALUE, WEIGHT, or NONE. */
    public String basis() {
        return valueTestMet ? "VALUE" : weightTestMet ? "WEIGHT" : "NONE";
    }
}
