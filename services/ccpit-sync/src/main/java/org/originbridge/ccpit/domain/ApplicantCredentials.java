package org.originbridge.ccpit.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CCPIT credentials per supplier, parsed from {@code supplierId=token,...} (CCPIT_APPLICANT_TOKENS),
 * with the suppliers that have OAuth2 client credentials at CCPIT (CCPIT_OAUTH_CLIENTS) taking
 * precedence over their static token. GACC accepts CO messages only from the applicant itself, so
 * there is no shared fallback token.
 */
public final class ApplicantCredentials {

    private final Map<String, ApplicantCredential> bySupplier;

    private ApplicantCredentials(Map<String, ApplicantCredential> bySupplier) {
        this.bySupplier = Map.copyOf(bySupplier);
    }

    /** @throws IllegalArgumentException naming the bad entry by position (never echoing a token) */
    public static ApplicantCredentials parse(String pairs) {
        return parse(pairs, "CCPIT_APPLICANT_TOKENS");
    }

    /** {@code supplierId=value,...} of the setting {@code name} (values never echoed in errors). */
    public static ApplicantCredentials parse(String pairs, String name) {
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
                throw new IllegalArgumentException(name + " entry " + (i + 1)
                        + " is not supplierId=value");
            }
            String supplier = entry.substring(0, eq).trim();
            String token = entry.substring(eq + 1).trim();
            if (map.put(supplier, new ApplicantCredential(supplier, token)) != null) {
                throw new IllegalArgumentException(name + " names supplier " + supplier + " twice");
            }
        }
        return new ApplicantCredentials(map);
    }

    /** These credentials, with the given suppliers using OAuth2 client credentials instead of any static token. */
    public ApplicantCredentials withClientCredentials(Set<String> supplierIds) {
        Map<String, ApplicantCredential> map = new LinkedHashMap<>(bySupplier);
        for (String supplier : supplierIds) {
            map.put(supplier, ApplicantCredential.clientCredentials(supplier));
        }
        return new ApplicantCredentials(map);
    }

    /** The suppliers named. */
    public Set<String> suppliers() {
        return bySupplier.keySet();
    }

    /** The value given for a supplier (its token, or its client secret when parsed from CCPIT_OAUTH_CLIENTS). */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        bySupplier.forEach((supplier, credential) -> values.put(supplier, credential.token()));
        return values;
    }

    public Optional<ApplicantCredential> forSupplier(String supplierId) {
        return Optional.ofNullable(bySupplier.get(supplierId));
    }

    public int size() {
        return bySupplier.size();
    }
}
