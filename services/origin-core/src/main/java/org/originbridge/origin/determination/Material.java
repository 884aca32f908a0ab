package org.originbridge.origin.determination;

import java.math.BigDecimal;
import java.util.Objects;
import org.originbridge.origin.code.HsCode;

/**
 * One line of a bill of materials.
 *
 * @param id              optional identifier (part number); may be null
 * @param description     optional description; may be null
 * @param hsCode          the material's 6-digit HS code
 * @param value           its value (CIF at import, or earliest ascertainable price paid in the Party), exact
 * @param netWeightKg     optional net weight in kg (used by the weight de minimis test, chapters 50-63); may be null
 * @param origin          originating (in any RCEP Party), non-originating, or undetermined
 * @param deductibleCosts costs that may be deducted from its value in VNM (Art 3.5.5: freight, insurance and
 *                        packing to the producer, duties, brokerage, waste and spoilage); zero when unknown
 * @param indirect        an indirect material (fuel, tools, lubricants, ...) counted as originating (Art 3.10)
 */
public record Material(String id, String description, HsCode hsCode, BigDecimal value, BigDecimal netWeightKg,
                       MaterialOrigin origin, BigDecimal deductibleCosts, boolean indirect) {

    public Material {
        Objects.requireNonNull(hsCode, "hsCode");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
        deductibleCosts = deductibleCosts == null ? BigDecimal.ZERO : deductibleCosts;
        if (value.signum() < 0) {
            throw new IllegalArgumentException("material value must not be negative");
        }
        if (netWeightKg != null && netWeightKg.signum() < 0) {
            throw new IllegalArgumentException("material weight must not be negative");
        }
        if (deductibleCosts.signum() < 0 || deductibleCosts.compareTo(value) > 0) {
            throw new IllegalArgumentException("deductibleCosts must be between 0 and the material's value");
        }
    }

    /** A direct material with no weight and no deductions. */
    public static Material of(String id, String hsCode, String value, MaterialOrigin origin) {
        return new Material(id, null, HsCode.parse(hsCode), new BigDecimal(value), null, origin, BigDecimal.ZERO, false);
    }

    public Material withNetWeightKg(String kg) {
        return new Material(id, description, hsCode, value, new BigDecimal(kg), origin, deductibleCosts, indirect);
    }

    public Material withDeductibleCosts(String costs) {
        return new Material(id, description, hsCode, value, netWeightKg, origin, new BigDecimal(costs), indirect);
    }

    public Material asIndirect() {
        return new Material(id, description, hsCode, value, netWeightKg, origin, deductibleCosts, true);
    }

    /** Counts as non-originating: non-originating or undetermined, and not an indirect material. */
    public boolean countsAsNonOriginating() {
        return !indirect && origin.countsAsNonOriginating();
    }

    /** The value it adds to VNM: value minus deductible costs, for non-originating materials. */
    public BigDecimal vnmContribution() {
        return countsAsNonOriginating() ? value.subtract(deductibleCosts) : BigDecimal.ZERO;
    }
}
