package org.originbridge.asw.domain;

import java.time.Instant;

/**
 * The fact asw-verification publishes for one declaration content version.
 *
 * @param version   1 for the first content verified, +1 for each changed content (documentHash)
 * @param shortCode the human code (canonical, 11 symbols) issued with a VERIFIED outcome, else null
 */
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
        Instant verifiedAt,
        int version,
        String shortCode) {}
