package org.originbridge.origin.determination;

import java.math.BigDecimal;
import java.util.Objects;
import org.originbridge.origin.bom.BomRules;
import org.originbridge.origin.code.HsCode;

/**
 * One line of a bill of materials.
 *
 * @param id              optional identifier (part number); may be null
 * @param description     optional description; may be null
 * @param hsCode          the material's 6-digit HS code
 * @param value           its value (Art 3.5.3: CIF at import, or earliest ascertainable price paid or payable in
 *                        the Party), exact
 * @param netWeightKg     optional net weight in kg (used by the weight de minimis test, chapters 50-63); may be null
 * @param origin          originating (in any RCEP Party, Art 3.4), non-originating, or undetermined (Art 3.5.4:
 *                        treated as non-originating everywhere)
 * @param deductibleCosts costs that may be deducted from its value in VNM (Art 3.5.5: freight, insurance and
 *                        packing to the producer, duties, brokerage, waste and spoilage); zero when unknown
 * @param role            what the line is to the good ({@link MaterialRole}); null means {@code DIRECT}
 */
public record Material(String id, String description, HsCode hsCode, BigDecimal value, BigDecimal netWeightKg,
                       MaterialOrigin origin, BigDecimal deductibleCosts, MaterialRole role) {

    public Material {
        Objects.requireNonNull(hsCode, "hsCode");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
        role = role == null ? MaterialRole.DIRECT : role;
        deductibleCosts = deductibleCosts == null ? BigDecimal.ZERO : deductibleCosts;
        if (value.signum() < 0) {
            throw new IllegalArgumentException("material value must not be negative");
        }
        if (netWeightKg != null && netWeightKg.signum() < 0) {
            throw new IllegalArgumentException("material weight must not be negative");
        }
        if (deductibleCosts.signum() < 0) {
            throw new IllegalArgumentException("deductibleCosts must not be negative");
        }
        BomRules.checkDeductibleCosts(value, deductibleCosts);
    }

    /** A direct ({@code indirect == false}) or indirect (Art 3.10) material. */
    public Material(String id, String description, HsCode hsCode, BigDecimal value, BigDecimal netWeightKg,
                    MaterialOrigin origin, BigDecimal deductibleCosts, boolean indirect) {
        this(id, description, hsCode, value, netWeightKg, origin, deductibleCosts,
                indirect ? MaterialRole.INDIRECT : MaterialRole.DIRECT);
    }

    /** A direct material with no weight and no deductions. */
    public static Material of(String id, String hsCode, String value, MaterialOrigin origin) {
        return new Material(id, null, HsCode.parse(hsCode), new BigDecimal(value), null, origin, BigDecimal.ZERO,
                MaterialRole.DIRECT);
    }

    public Material withNetWeightKg(String kg) {
        return new Material(id, description, hsCode, value, new BigDecimal(kg), origin, deductibleCosts, role);
    }

    public Material withDeductibleCosts(String costs) {
        return new Material(id, description, hsCode, value, netWeightKg, origin, new BigDecimal(costs), role);
    }

    public Material withRole(MaterialRole newRole) {
        return new Material(id, description, hsCode, value, netWeightKg, origin, deductibleCosts, newRole);
    }

    public Material asIndirect() {
        return withRole(MaterialRole.INDIRECT);
    }

    /** An indirect material (Art 3.10), treated as originating. */
    public boolean indirect() {
        return role == MaterialRole.INDIRECT;
    }

    /**
     * Counts as a non-originating material for WO, PE, a change in tariff classification and de minimis: a
     * {@code DIRECT} line that is non-originating or of undetermined origin (Art 3.5.4).
     */
    public boolean countsAsNonOriginating() {
        return role.decidesOriginStatus() && origin.countsAsNonOriginating();
    }

    /** Counts in VNM: non-originating or undetermined, and counted in value content (not indirect or transport packing). */
    public boolean countsInVnm() {
        return role.countsInValueContent() && role != MaterialRole.INDIRECT && origin.countsAsNonOriginating();
    }

    /** The value it adds to VNM: value minus deductible costs (Art 3.5.5), for lines counted in VNM. */
    public BigDecimal vnmContribution() {
        return countsInVnm() ? value.subtract(deductibleCosts) : BigDecimal.ZERO;
    }

    /** The value it adds to VOM: originating lines and indirect materials (Art 3.10); never transport packing. */
    public BigDecimal vomContribution() {
        if (!role.countsInValueContent()) {
            return BigDecimal.ZERO;
        }
        return role == MaterialRole.INDIRECT || !origin.countsAsNonOriginating() ? value : BigDecimal.ZERO;
    }
}
