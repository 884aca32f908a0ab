package org.originbridge.origin.code;

import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.InputLimits;

/**
 * A 6-digit Harmonized System subheading, e.g. {@code 940360}. {@link #parse} accepts the usual
 * separators ({@code 9403.60}, {@code 9403 60}) and normalises them away.
 */
public record HsCode(String code) {

    public HsCode {
        if (code == null || !code.matches("\\d{6}")) {
            throw new InvalidCodeException(ErrorCodes.INVALID_HS_CODE,
                    "HS code must be exactly 6 digits, got " + quote(code));
        }
        if (code.startsWith("00")) {
            throw new InvalidCodeException(ErrorCodes.INVALID_HS_CODE,
                    "HS code " + quote(code) + " has chapter 00; HS chapters run from 01 to 97");
        }
    }

    /** Parses a 6-digit HS code, ignoring '.' and ' ' separators. */
    public static HsCode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCodeException(ErrorCodes.INVALID_HS_CODE, "HS code is missing");
        }
        String digits = text.strip().replace(".", "").replace(" ", "");
        if (!digits.matches("\\d+")) {
            throw new InvalidCodeException(ErrorCodes.INVALID_HS_CODE,
                    "HS code " + quote(text) + " contains characters other than digits");
        }
        if (digits.length() != 6) {
            throw new InvalidCodeException(ErrorCodes.INVALID_HS_CODE,
                    "HS code " + quote(text) + " has " + digits.length() + " digits; a 6-digit subheading is required");
        }
        return new HsCode(digits);
    }

    /** Two-digit chapter, e.g. {@code 94}. */
    public String chapter() {
        return code.substring(0, 2);
    }

    public int chapterNumber() {
        return Integer.parseInt(chapter());
    }

    /** Four-digit heading, e.g. {@code 9403}. */
    public String heading() {
        return code.substring(0, 4);
    }

    /** Six-digit subheading, e.g. {@code 940360}. */
    public String subheading() {
        return code;
    }

    /** The first {@code digits} (2, 4 or 6) digits. */
    public String prefix(int digits) {
        return code.substring(0, digits);
    }

    /** Dotted form, e.g. {@code 9403.60}. */
    public String dotted() {
        return heading() + "." + code.substring(4);
    }

    @Override
    public String toString() {
        return code;
    }

    static String quote(String s) {
        return InputLimits.shown(s);
    }
}
