package org.originbridge.status.domain;

/**
 * Write port of the read model. Every method is idempotent: applying the same fact twice, or an
 * older version after a newer one, returns {@link ProjectionResult#STALE} and changes nothing.
 */
public interface ProjectionStore {

    /** Intake facts (submitted, accepted, rejected), guarded by {@link IntakeRecord#version()}. */
    ProjectionResult recordIntake(String declarationId, String supplierId, String referenceNumber,
            IntakeRecord intake, DeclarationData declaration);

    /** Guarded by {@link VerificationRecord#verifiedAt()}: one verification per declaration unless a later one comes. */
    ProjectionResult recordVerification(String declarationId, String supplierId, String referenceNumber,
            VerificationRecord verification);

    /** Guarded by {@link IssuanceRecord#sequence()}; the history keeps every change whatever the order. */
    ProjectionResult recordIssuance(String declarationId, String supplierId, String referenceNumber,
            IssuanceRecord issuance);

    /** Deduplicated by event id. */
    ProjectionResult recordLogisticsEvent(LogisticsEvent event);

    /** Guarded by {@link SupplierScore#version()}. */
    ProjectionResult recordScore(SupplierScore score);
}
