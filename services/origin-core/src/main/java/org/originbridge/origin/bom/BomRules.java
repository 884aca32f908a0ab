package org.originbridge.origin.bom;

import java.math.BigDecimal;

import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.code.InvalidCodeException;

/**
 * The rules on a bill-of-materials line's amounts, in one place: every reader of a bill of materials (the
 * declaration's {@code billOfMaterials} in intake, the determination request JSON, the BOM CSV) and the
 * determination's own {@link org.originbridge.origin.determination.Material} apply them, each reporting the
 * problem at its own field path or column.
 */
public final class BomRules {

    private BomRules() {
    }

    /**
     * Art 3.5.5: the costs deducted from a non-originating material's value cannot exceed that value.
     * Either amount may be null (nothing to compare).
     *
     * @throws InvalidCodeException ({@link ErrorCodes#INVALID_AMOUNT}) when {@code deductibleCosts > value}
     */
    public static void checkDeductibleCosts(BigDecimal value, BigDecimal deductibleCosts) {
        if (value != null && deductibleCosts != null && deductibleCosts.compareTo(value) > 0) {
            throw new InvalidCodeException(ErrorCodes.INVALID_AMOUNT, "deductible costs "
                    + deductibleCosts.toPlainString() + " exceed the material's value " + value.toPlainString());
        }
    }
}
