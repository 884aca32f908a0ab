package org.originbridge.status.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Everything the read model holds about one declaration (logistics and scores live apart). */
public record DeclarationProjection(
        String declarationId,
        String supplierId,
        String referenceNumber,
        String destinationCountry,
        IntakeRecord intake,
        DeclarationData declaration,
        VerificationRecord verification,
        IssuanceRecord issuance,
        List<IssuanceRecord.HistoryEntry> issuanceHistory,
        Instant updatedAt,
        ProcessingFailure failure) {

    /** A projection without a processing failure. */
    public DeclarationProjection(String declarationId, String supplierId, String referenceNumber,
            String destinationCountry, IntakeRecord intake, DeclarationData declaration, VerificationRecord verification,
            IssuanceRecord issuance, List<IssuanceRecord.HistoryEntry> issuanceHistory, Instant updatedAt) {
        this(declarationId, supplierId, referenceNumber, destinationCountry, intake, declaration, verification,
                issuance, issuanceHistory, updatedAt, null);
    }

    /** The processing failure, unless a later fact superseded it (see {@link ProcessingFailure}). */
    public ProcessingFailure currentFailure() {
        return failure == null || failure.supersededBy(this) ? null : failure;
    }

    public DeclarationProjection {
        issuanceHistory = issuanceHistory == null ? List.of()
                : issuanceHistory.stream()
                        .sorted(Comparator.comparing(IssuanceRecord.HistoryEntry::sequence,
                                Comparator.nullsFirst(Comparator.naturalOrder())))
                        .toList();
    }

    public boolean issued() {
        return issuance != null && IssuanceRecord.ISSUED.equals(issuance.status());
    }
}
