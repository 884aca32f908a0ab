package org.originbridge.origin.code;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.InputLimits;

/** The fifteen Parties to RCEP, by ISO 3166-1 alpha-2 code. */
public enum RcepParty {
    AU("Australia"), BN("Brunei Darussalam"), KH("Cambodia"), CN("China"), ID("Indonesia"), JP("Japan"),
    LA("Lao PDR"), MY("Malaysia"), MM("Myanmar"), NZ("New Zealand"), PH("Philippines"), SG("Singapore"),
    KR("Republic of Korea"), TH("Thailand"), VN("Viet Nam");

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private final String displayName;

    RcepParty(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * Parses an ISO country code that must be an RCEP Party. Case-insensitive. The error says whether the
     * text is not a country code at all ({@code INVALID_COUNTRY}) or a country that is not a Party
     * ({@code NOT_RCEP_PARTY}).
     */
    public static RcepParty parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCodeException(ErrorCodes.INVALID_COUNTRY, "country code is missing");
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}") || !ISO_COUNTRIES.contains(code)) {
            throw new InvalidCodeException(ErrorCodes.INVALID_COUNTRY,
                    InputLimits.shown(text) + " is not an ISO 3166-1 alpha-2 country code");
        }
        return Arrays.stream(values()).filter(p -> p.name().equals(code)).findFirst()
                .orElseThrow(() -> new InvalidCodeException(ErrorCodes.NOT_RCEP_PARTY,
                        InputLimits.shown(code) + " is not an RCEP Party (Parties: " + allCodes() + ")"));
    }

    public static String allCodes() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
