package org.originbridge.logistics.domain;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * A UN/LOCODE as this service uses it (the node name on delivery routes, the civil time zone of
 * EDIFACT local times). Parsing and normalising is origin-core's {@link org.originbridge.origin.code.UnLocode},
 * the one parser of location codes in the system: input is trimmed, upper-cased and may carry the
 * space UN/LOCODE lists print ("CN SHA"); carrier aliases are normalised ({@code CNSHA -> CNSGH}).
 */
public record UnLocode(String code) {

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
        code = org.originbridge.origin.code.UnLocode.parse(code).code();
    }

    /**
     * Parses and normalises a code.
     *
     * @throws org.originbridge.origin.code.InvalidCodeException (an {@link IllegalArgumentException}) with a
     *         message fit for a field error
     */
    public static UnLocode parse(String raw) {
        return new UnLocode(org.originbridge.origin.code.UnLocode.parse(raw).code());
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
