package org.originbridge.status.domain;

/**
 * Write port of the read model. Every method is idempotent: applying the same fact twice, or an
 * older version after a newer one, returns {@link ProjectionResult#STALE} and changes nothing.
 */
public interface ProjectionStore {

    /** Intake facts (submitted, accepted, rejected), guarded by {@link IntakeRecord#version()}. */
    ProjectionResult recordIntake(String declarationId, String supplierId, String referenceNumber,
            IntakeRecord intake, DeclarationData declaration);

    /**
     * Guarded by {@link VerificationRecord#version()}, then {@link VerificationRecord#verifiedAt()}: an
     * older content version or a re-published outcome changes nothing.
     */
    ProjectionResult recordVerification(String declarationId, String supplierId, String referenceNumber,
            VerificationRecord verification);

    /** Guarded by {@link IssuanceRecord#sequence()}; the history keeps every change whatever the order. */
    ProjectionResult recordIssuance(String declarationId, String supplierId, String referenceNumber,
            IssuanceRecord issuance);

    /** Deduplicated by event id. */
    ProjectionResult recordLogisticsEvent(LogisticsEvent event);

    /** Guarded by {@link SupplierScore#version()}. */
    ProjectionResult recordScore(SupplierScore score);

    /** A published signing key, guarded by {@link SigningKeyRecord#publishedAt()} per kid. */
    ProjectionResult recordSigningKey(SigningKeyRecord key);
}
