package org.originbridge.origin.determination;

import java.util.Locale;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.code.InvalidCodeException;

/**
 * What a bill-of-materials line is to the good, which decides how RCEP Chapter 3 counts it.
 * <ul>
 *   <li>{@code DIRECT}: a material used in the production of the good (Art 3.1 "material"): counts everywhere.</li>
 *   <li>{@code INDIRECT}: fuel, tools, dies, lubricants, gloves, testing supplies and the like (Art 3.10): treated
 *       as originating whatever its declared origin; not part of a change in tariff classification or of PE.</li>
 *   <li>{@code ACCESSORY}: accessories, spare parts, tools (and instructional or information material) delivered
 *       with the good, classified with it and not invoiced separately, in customary quantities and value (Art 3.9):
 *       disregarded for WO, PE and a change in tariff classification; counted, as originating or non-originating,
 *       in regional value content.</li>
 *   <li>{@code RETAIL_PACKAGING}: packaging materials and containers for retail sale, classified with the good
 *       (Art 3.8.2): the same treatment as accessories.</li>
 *   <li>{@code TRANSPORT_PACKING}: packing materials and containers for transportation and shipment (Art 3.8.1):
 *       not taken into account at all, not even in regional value content.</li>
 * </ul>
 */
public enum MaterialRole {
    DIRECT, INDIRECT, ACCESSORY, RETAIL_PACKAGING, TRANSPORT_PACKING;

    /** Reads a role case-insensitively; {@code -} or a space may replace {@code _}. */
    public static MaterialRole parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidCodeException(ErrorCodes.INVALID_VALUE, "'" + text
                    + "' is not DIRECT, INDIRECT, ACCESSORY, RETAIL_PACKAGING or TRANSPORT_PACKING");
        }
    }

    /** Whether lines of this role take part in WO, PE, a change in tariff classification and de minimis. */
    public boolean decidesOriginStatus() {
        return this == DIRECT;
    }

    /** Whether lines of this role are counted in regional value content (VNM or VOM). */
    public boolean countsInValueContent() {
        return this != TRANSPORT_PACKING;
    }
}
