package org.originbridge.origin.code;

import java.math.BigDecimal;
import org.originbridge.origin.ErrorCodes;

/** A weight in kilograms (exact, never negative). */
public record Weight(BigDecimal kg) {

    public Weight {
        if (kg == null) {
            throw new InvalidCodeException(ErrorCodes.INVALID_AMOUNT, "weight is missing");
        }
        if (kg.signum() < 0) {
            throw new InvalidCodeException(ErrorCodes.INVALID_AMOUNT, "weight " + kg.toPlainString() + " kg must not be negative");
        }
    }

    public static Weight ofKg(String text) {
        return new Weight(Decimals.parse(text));
    }

    public Weight plus(Weight other) {
        return new Weight(kg.add(other.kg));
    }

    @Override
    public String toString() {
        return kg.toPlainString() + " kg";
    }
}
