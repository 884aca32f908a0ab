package org.originbridge.logistics.domain;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A UN/LOCODE (two-letter country + three-character location), the one parser of location codes
 * in this service. Input is trimmed, upper-cased and may carry the space UN/LOCODE lists print
 * ("CN SHA"); carrier aliases are normalised ({@code CNSHA -> CNSGH}).
 */
public record UnLocode(String code) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}[A-Z2-9]{3}");

    /** Codes carriers still send for a location UN/LOCODE has renamed. */
    private static final Map<String, String> ALIASES = Map.of("CNSHA", "CNSGH");

    /** The ports this platform draws on delivery routes. */
    private static final Map<String, String> NODE_NAMES = Map.of(
            "CNYSA", "Yangshan",
            "CNSGH", "Shanghai",
            "VNCMT", "Cai Mep International Terminal",
            "VNTOT", "Cai Mep",
            "MYPKG", "Port Klang",
            "MYWSP", "Westport",
            "MYLPK", "Northport");

    /** Countries with a single civil time zone, for EDIFACT local times. */
    private static final Map<String, String> COUNTRY_ZONES = Map.ofEntries(
            Map.entry("CN", "Asia/Shanghai"), Map.entry("VN", "Asia/Ho_Chi_Minh"), Map.entry("MY", "Asia/Kuala_Lumpur"),
            Map.entry("SG", "Asia/Singapore"), Map.entry("TH", "Asia/Bangkok"), Map.entry("KR", "Asia/Seoul"),
            Map.entry("JP", "Asia/Tokyo"), Map.entry("PH", "Asia/Manila"), Map.entry("KH", "Asia/Phnom_Penh"),
            Map.entry("LA", "Asia/Vientiane"), Map.entry("MM", "Asia/Yangon"), Map.entry("BN", "Asia/Brunei"));

    public UnLocode {
        if (code == null || !FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("not a UN/LOCODE: " + code);
        }
    }

    /**
     * Parses and normalises a code.
     *
     * @throws IllegalArgumentException with a message fit for a field error
     */
    public static UnLocode parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("must be a UN/LOCODE (2-letter country + 3 characters), e.g. CNSGH");
        }
        String candidate = raw.trim().toUpperCase(java.util.Locale.ROOT);
        if (candidate.length() == 6 && candidate.charAt(2) == ' ') {
            candidate = candidate.substring(0, 2) + candidate.substring(3);
        }
        if (!FORMAT.matcher(candidate).matches()) {
            throw new IllegalArgumentException("'" + raw + "' is not a UN/LOCODE (2-letter country + 3 letters or digits 2-9)");
        }
        return new UnLocode(ALIASES.getOrDefault(candidate, candidate));
    }

    public String country() {
        return code.substring(0, 2);
    }

    /** The node name shown on delivery routes, for the ports we know. */
    public Optional<String> nodeName() {
        return Optional.ofNullable(NODE_NAMES.get(code));
    }

    /** Civil time zone of the location when its country has only one; UTC otherwise. */
    public ZoneId zone() {
        String zone = COUNTRY_ZONES.get(country());
        return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
    }

    @Override
    public String toString() {
        return code;
    }
}
