package org.originbridge.scoring.domain;

import java.util.Locale;
import java.util.Map;

/** UN/LOCODE comparison: upper case, trimmed, known aliases folded (carriers still send CNSHA for CNSGH). */
public final class Locations {

    private static final Map<String, String> ALIASES = Map.of("CNSHA", "CNSGH");

    private Locations() {
    }

    public static String normalise(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return ALIASES.getOrDefault(upper, upper);
    }
}
