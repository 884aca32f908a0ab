package org.originbridge.ccpit.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CCPIT credentials per supplier, parsed from {@code supplierId=token,...} (CCPIT_APPLICANT_TOKENS).
 * GACC accepts CO messages only from the applicant itself, so there is no shared fallback token.
 */
public final class ApplicantCredentials {

    private final Map<String, ApplicantCredential> bySupplier;

    private ApplicantCredentials(Map<String, ApplicantCredential> bySupplier) {
        this.bySupplier = Map.copyOf(bySupplier);
    }

    /** @throws IllegalArgumentException naming the bad entry by position (never echoing a token) */
    public static ApplicantCredentials parse(String pairs) {
        Map<String, ApplicantCredential> map = new LinkedHashMap<>();
        if (pairs == null || pairs.isBlank()) {
            return new ApplicantCredentials(map);
        }
        String[] entries = pairs.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("CCPIT_APPLICANT_TOKENS entry " + (i + 1)
                        + " is not supplierId=token");
            }
            String supplier = entry.substring(0, eq).trim();
            String token = entry.substring(eq + 1).trim();
            if (map.put(supplier, new ApplicantCredential(supplier, token)) != null) {
                throw new IllegalArgumentException("CCPIT_APPLICANT_TOKENS names supplier " + supplier + " twice");
            }
        }
        return new ApplicantCredentials(map);
    }

    public Optional<ApplicantCredential> forSupplier(String supplierId) {
        return Optional.ofNullable(bySupplier.get(supplierId));
    }

    public int size() {
        return bySupplier.size();
    }
}
