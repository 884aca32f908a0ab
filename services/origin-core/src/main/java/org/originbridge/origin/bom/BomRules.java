package org.originbridge.origin.bom;

import java.math.BigDecimal;
import java.util.Locale;

import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.InputLimits;
import org.originbridge.origin.code.Decimals;
import org.originbridge.origin.code.InvalidCodeException;
import org.originbridge.origin.determination.MaterialOrigin;

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

    /**
     * A line's quantity, when given, is a positive, bounded decimal (a zero or negative quantity is an ERP
     * export error, not a material).
     */
    public static BigDecimal checkQuantity(BigDecimal quantity) {
        if (quantity == null) {
            return null;
        }
        Decimals.bounded(quantity);
        if (quantity.signum() <= 0) {
            throw new InvalidCodeException(ErrorCodes.INVALID_AMOUNT, "quantity " + quantity.toPlainString() + " must be positive");
        }
        return quantity;
    }

    /**
     * Reads an origin status as the BOM formats state it: ORIGINATING, NON_ORIGINATING or UNDETERMINED
     * (case-insensitive; '-' or ' ' may stand for '_'; {@code Y}/{@code N} as SAP's preference indicators write it).
     */
    public static MaterialOrigin parseOrigin(String text) {
        String normal = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        switch (normal) {
            case "Y", "YES" -> {
                return MaterialOrigin.ORIGINATING;
            }
            case "N", "NO" -> {
                return MaterialOrigin.NON_ORIGINATING;
            }
            default -> {
                try {
                    return MaterialOrigin.valueOf(normal);
                } catch (IllegalArgumentException e) {
                    throw new InvalidCodeException(ErrorCodes.INVALID_VALUE, InputLimits.shown(text)
                            + " is not an origin status (expected ORIGINATING, NON_ORIGINATING or UNDETERMINED)");
                }
            }
        }
    }

    /** The {@code indirect} flag as the BOM formats write it: true/false, yes/no, y/n, 1/0. */
    public static Boolean parseIndirect(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw new InvalidCodeException(ErrorCodes.INVALID_VALUE, InputLimits.shown(text) + " is not true or false");
        };
    }
}
