package org.originbridge.status.domain;

import java.time.Instant;
import java.util.List;

/** An explainable supplier compliance score; {@code version} is monotonic per supplier. */
public record SupplierScore(
        String supplierId,
        Integer score,
        String band,
        Integer previousScore,
        List<Factor> factors,
        Long version,
        Instant asOf,
        Instant validUntil,
        String source) {

    public SupplierScore {
        factors = factors == null ? List.of() : List.copyOf(factors);
    }

    /** One weighted factor with its human explanation. */
    public record Factor(String code, String name, Integer weight, Integer value, String explanation) {
    }
}
