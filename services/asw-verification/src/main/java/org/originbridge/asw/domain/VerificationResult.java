package org.originbridge.asw.domain;

import java.time.Instant;

/** The fact asw-verification publishes for one declaration. */
public record VerificationResult(
        String declarationId,
        String supplierId,
        String referenceNumber,
        Outcome outcome,
        String aswReference,
        String documentHash,
        Check documentIntegrity,
        Check issuanceStatus,
        Check issuerIdentity,
        String verificationCode,
        String reason,
        Instant verifiedAt) {}
