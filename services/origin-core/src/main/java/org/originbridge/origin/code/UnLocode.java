package org.originbridge.origin.code;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.originbridge.origin.ErrorCodes;

/**
 * A UN/LOCODE: 2-letter ISO country + 3 letters/digits, e.g. {@code VNCMT}. {@link #parse} accepts a space
 * between the parts ({@code CN SGH}) and maps known aliases to the current code ({@code CNSHA} -> {@code CNSGH}).
 */
public record UnLocode(String country, String location) {

    /** Codes carriers still send, mapped to the current UN/LOCODE. */
    public static final Map<String, String> ALIASES = Map.of("CNSHA", "CNSGH");

    /** ISO countries plus XZ (UN/LOCODE's code for installations in international waters). */
    private static final Set<String> COUNTRIES = withXz();

    public UnLocode {
        if (country == null || !COUNTRIES.contains(country)) {
            throw new InvalidCodeException(ErrorCodes.INVALID_LOCODE,
                    "UN/LOCODE country part " + HsCode.quote(country) + " is not an ISO 3166-1 alpha-2 code");
        }
        if (location == null || !location.matches("[A-Z0-9]{3}")) {
            throw new InvalidCodeException(ErrorCodes.INVALID_LOCODE,
                    "UN/LOCODE location part " + HsCode.quote(location) + " must be 3 letters or digits");
        }
    }

    public static UnLocode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCodeException(ErrorCodes.INVALID_LOCODE, "UN/LOCODE is missing");
        }
        String code = text.strip().replace(" ", "").toUpperCase(Locale.ROOT);
        if (code.length() != 5) {
            throw new InvalidCodeException(ErrorCodes.INVALID_LOCODE,
                    "UN/LOCODE '" + text + "' must be 5 characters (2-letter country + 3 letters/digits)");
        }
        if (!code.substring(0, 2).matches("[A-Z]{2}")) {
            throw new InvalidCodeException(ErrorCodes.INVALID_LOCODE,
                    "UN/LOCODE '" + text + "' must start with a 2-letter country code");
        }
        code = ALIASES.getOrDefault(code, code);
        return new UnLocode(code.substring(0, 2), code.substring(2));
    }

    public String code() {
        return country + location;
    }

    @Override
    public String toString() {
        return code();
    }

    private static Set<String> withXz() {
        var set = new java.util.HashSet<>(Set.of(Locale.getISOCountries()));
        set.add("XZ");
        return Set.copyOf(set);
    }
}
