package org.originbridge.origin.code;

import java.math.BigDecimal;
import org.originbridge.origin.ErrorCodes;

/** Exact decimal parsing for amounts, weights and quantities: never through {@code double}. */
public final class Decimals {
    private Decimals() {
    }

    /** Parses a plain decimal such as {@code 100}, {@code 100.00} or {@code -3.5}; no exponent, no grouping. */
    public static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCodeException(ErrorCodes.INVALID_AMOUNT, "amount is missing");
        }
        String s = text.strip();
        if (!s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw new InvalidCodeException(ErrorCodes.INVALID_AMOUNT,
                    "'" + text + "' is not a decimal number (use digits with an optional '.', e.g. 100.00)");
        }
        return new BigDecimal(s);
    }

    /** Parses a decimal that must be zero or positive. */
    public static BigDecimal parseNonNegative(String text) {
        BigDecimal value = parse(text);
        requireNonNegative(value, text);
        return value;
    }

    public static void requireNonNegative(BigDecimal value, String shown) {
        if (value.signum() < 0) {
            throw new InvalidCodeException(ErrorCodes.INVALID_AMOUNT, "'" + shown + "' must not be negative");
        }
    }
}
