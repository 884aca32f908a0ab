package org.originbridge.origin.rule;

import java.util.Locale;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.InputLimits;
import org.originbridge.origin.code.InvalidCodeException;

/** The editions of the Harmonized System a rule table or a declaration's HS codes are stated in. */
public enum HsEdition {
    HS2012, HS2017, HS2022;

    /** {@code 2012}, {@code HS2012}, {@code HS 2012} (case-insensitive). */
    public static HsEdition parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCodeException(ErrorCodes.REQUIRED, "HS edition is missing (2012, 2017 or 2022)");
        }
        String t = text.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        if (t.matches("\\d{4}")) {
            t = "HS" + t;
        }
        try {
            return valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new InvalidCodeException(ErrorCodes.INVALID_VALUE, InputLimits.shown(text)
                    + " is not an HS edition (2012, 2017 or 2022)");
        }
    }

    /** {@code 2012}. */
    public String year() {
        return name().substring(2);
    }
}
