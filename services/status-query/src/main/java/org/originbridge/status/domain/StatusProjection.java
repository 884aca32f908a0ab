package org.originbridge.status.domain;

/**
 * The use case of the write side: each fact from a topic is applied to the read model through the
 * store's guarded upserts, so consumers can be replayed and records may be duplicated.
 */
public final class StatusProjection {

    private final ProjectionStore store;

    public StatusProjection(ProjectionStore store) {
        this.store = store;
    }

    public ProjectionResult submitted(String declarationId, String supplierId, DeclarationData declaration,
            java.time.Instant submittedAt) {
        return store.recordIntake(declarationId, supplierId, declaration.referenceNumber(),
                IntakeRecord.of(IntakeRecord.SUBMITTED, submittedAt, null, null), declaration);
    }

    public ProjectionResult accepted(String declarationId, String supplierId, DeclarationData declaration,
            IntakeRecord.PreCheck preCheck, java.time.Instant acceptedAt) {
        return store.recordIntake(declarationId, supplierId, declaration.referenceNumber(),
                IntakeRecord.of(IntakeRecord.ACCEPTED, acceptedAt, null, preCheck), declaration);
    }

    public ProjectionResult rejected(String declarationId, String supplierId, String referenceNumber,
            DeclarationData declaration, java.util.List<IntakeRecord.Problem> problems, IntakeRecord.PreCheck preCheck,
            java.time.Instant rejectedAt) {
        return store.recordIntake(declarationId, supplierId, referenceNumber,
                IntakeRecord.of(IntakeRecord.REJECTED, rejectedAt, problems, preCheck), declaration);
    }

    public ProjectionResult verified(String declarationId, String supplierId, String referenceNumber,
            VerificationRecord verification) {
        return store.recordVerification(declarationId, supplierId, referenceNumber, verification);
    }

    public ProjectionResult issuanceChanged(String declarationId, String supplierId, String referenceNumber,
            IssuanceRecord issuance) {
        return store.recordIssuance(declarationId, supplierId, referenceNumber, issuance);
    }

    public ProjectionResult logisticsEvent(LogisticsEvent event) {
        return store.recordLogisticsEvent(event);
    }

    public ProjectionResult score(SupplierScore score) {
        return store.recordScore(score);
    }

    public ProjectionResult signingKey(SigningKeyRecord key) {
        return store.recordSigningKey(key);
    }
}
