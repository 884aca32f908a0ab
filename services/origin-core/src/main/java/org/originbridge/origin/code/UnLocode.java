package org.originbridge.origin.code;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.originbridge.origin.ErrorCodes;

/**
 * A UN/LOCODE: 2-letter ISO country + 3 letters or digits 2-9 (UN/LOCODE never uses 0 and 1), e.g. {@code VNCMT}.
 * The one parser of location codes in the system (intake, logistics-ingestion, compliance-scoring and
 * status-query all use it): {@link #parse} trims, upper-cases, accepts the single space UN/LOCODE lists print
 * between the parts ({@code CN SGH}) and maps known aliases to the current code ({@code CNSHA} -> {@code CNSGH}),
 * so {@code "CN SHA"}, {@code "cnsha"} and {@code "CNSGH"} are the same code.
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
        if (location == null || !location.matches("[A-Z2-9]{3}")) {
            throw new InvalidCodeException(ErrorCodes.INVALID_LOCODE,
                    "UN/LOCODE location part " + HsCode.quote(location) + " must be 3 letters or digits 2-9");
        }
    }

    public static UnLocode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCodeException(ErrorCodes.INVALID_LOCODE, "UN/LOCODE is missing");
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        if (code.length() == 6 && code.charAt(2) == ' ') {
            code = code.substring(0, 2) + code.substring(3);
        }
        if (code.length() != 5) {
            throw new InvalidCodeException(ErrorCodes.INVALID_LOCODE,
                    "UN/LOCODE '" + text + "' must be 5 characters (2-letter country + 3 letters/digits), optionally with one space after the country");
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
