package org.originbridge.origin.code;

import java.math.BigDecimal;
import java.util.Locale;
import org.originbridge.origin.ErrorCodes;

/** A quantity with its unit, e.g. 120 PCE (UN/ECE Recommendation 20 codes are recommended, not enforced). */
public record Quantity(BigDecimal value, String unit) {

    public Quantity {
        if (value == null) {
            throw new InvalidCodeException(ErrorCodes.INVALID_AMOUNT, "quantity value is missing");
        }
        Decimals.bounded(value);
        if (value.signum() <= 0) {
            throw new InvalidCodeException(ErrorCodes.INVALID_AMOUNT, "quantity " + value.toPlainString() + " must be positive");
        }
        if (unit == null || !unit.matches("[A-Z0-9]{1,10}")) {
            throw new InvalidCodeException(ErrorCodes.INVALID_UNIT,
                    "quantity unit " + HsCode.quote(unit) + " must be 1-10 letters or digits, e.g. PCE, KGM, SET");
        }
    }

    public static Quantity of(BigDecimal value, String unit) {
        return new Quantity(value, unit == null ? null : unit.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value.toPlainString() + " " + unit;
    }
}
