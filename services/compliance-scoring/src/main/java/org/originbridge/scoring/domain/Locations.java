package org.originbridge.scoring.domain;

import java.util.Locale;

import org.originbridge.origin.code.InvalidCodeException;
import org.originbridge.origin.code.UnLocode;

/**
 * UN/LOCODE comparison through origin-core's one parser ({@link UnLocode#parse}): {@code "CN SHA"}, {@code "cnsha"}
 * and {@code "CNSGH"} all become {@code CNSGH}, the code logistics-ingestion publishes. A code that is no UN/LOCODE
 * is still evidence: it is compared as given (trimmed, upper case), so it matches only itself.
 */
public final class Locations {

    private Locations() {
    }

    public static String normalise(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return UnLocode.parse(code).code();
        } catch (InvalidCodeException notALocode) {
            return code.trim().toUpperCase(Locale.ROOT);
        }
    }
}
