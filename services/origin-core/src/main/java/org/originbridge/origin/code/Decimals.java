package org.originbridge.origin.code;

import java.math.BigDecimal;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.InputLimits;

/**
 * Exact decimal parsing for amounts, weights and quantities: never through {@code double}, and bounded
 * ({@link InputLimits#maxDecimalDigits()}, {@link InputLimits#maxDecimalScale()}) before any
 * {@link BigDecimal} is built or any arithmetic is done, so that {@code 1e999999999} or a 300,000-digit
 * number is refused in microseconds instead of exhausting memory or CPU.
 */
public final class Decimals {
    /** Bits of an unscaled value of {@code maxDecimalDigits} decimal digits, rounded up. */
    private static final int MAX_UNSCALED_BITS = (int) Math.ceil(InputLimits.DEFAULT.maxDecimalDigits() * 3.33) + 1;

    private Decimals() {
    }

    /** Parses a plain decimal such as {@code 100}, {@code 100.00} or {@code -3.5}; no exponent, no grouping. */
    public static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCodeException(ErrorCodes.INVALID_AMOUNT, "amount is missing");
        }
        int maxDigits = InputLimits.DEFAULT.maxDecimalDigits();
        if (text.length() > maxDigits + 2) { // checked before strip() or matching touch a long input
            throw tooLong(text.length());
        }
        String s = text.strip();
        if (s.length() > maxDigits) {
            throw tooLong(s.length());
        }
        if (!s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw new InvalidCodeException(ErrorCodes.INVALID_AMOUNT,
                    InputLimits.shown(text) + " is not a decimal number (use digits with an optional '.', e.g. 100.00)");
        }
        return bounded(new BigDecimal(s));
    }

    /**
     * {@code value} when it is within the limits: at most {@link InputLimits#maxDecimalScale()} digits after
     * the point, and neither an exponent nor a magnitude that would need more than
     * {@link InputLimits#maxDecimalDigits()} digits written out. Cheap for any input (no rescaling, no
     * {@code precision()} of a huge number): call it before arithmetic on a decimal that came from outside.
     */
    public static BigDecimal bounded(BigDecimal value) {
        if (value == null) {
            throw new InvalidCodeException(ErrorCodes.INVALID_AMOUNT, "amount is missing");
        }
        InputLimits limits = InputLimits.DEFAULT;
        int scale = value.scale();
        if (scale > limits.maxDecimalScale()) {
            throw new InvalidCodeException(ErrorCodes.LIMIT_EXCEEDED, "the number has more than "
                    + limits.maxDecimalScale() + " decimal places");
        }
        if (scale < -limits.maxDecimalDigits()) {
            throw new InvalidCodeException(ErrorCodes.LIMIT_EXCEEDED, "the number is too large (more than "
                    + limits.maxDecimalDigits() + " digits)");
        }
        // bitLength is O(1); unscaled digits + zeros implied by a negative scale must stay within the limit
        long bits = value.unscaledValue().bitLength() + (scale < 0 ? (long) Math.ceil(-scale * 3.33) : 0);
        if (bits > MAX_UNSCALED_BITS) {
            throw new InvalidCodeException(ErrorCodes.LIMIT_EXCEEDED, "the number is too large (more than "
                    + limits.maxDecimalDigits() + " digits)");
        }
        return value;
    }

    /** Parses a decimal that must be zero or positive. */
    public static BigDecimal parseNonNegative(String text) {
        BigDecimal value = parse(text);
        requireNonNegative(value, text);
        return value;
    }

    public static void requireNonNegative(BigDecimal value, String shown) {
        if (value.signum() < 0) {
            throw new InvalidCodeException(ErrorCodes.INVALID_AMOUNT, InputLimits.shown(shown) + " must not be negative");
        }
    }

    private static InvalidCodeException tooLong(int length) {
        return new InvalidCodeException(ErrorCodes.LIMIT_EXCEEDED, "the number is " + length
                + " characters long; at most " + InputLimits.DEFAULT.maxDecimalDigits() + " are accepted");
    }
}
