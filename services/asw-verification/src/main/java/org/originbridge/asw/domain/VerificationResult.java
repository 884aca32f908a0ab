package org.originbridge.asw.domain;

import java.time.Instant;

/**
 * The fact asw-verification publishes for one declaration content version.
 *
 * @param version           1 for the first content verified, +1 for each changed content (documentHash)
 *                          and +1 for a revocation
 * @param shortCode         the human code (canonical, 11 symbols) issued with a VERIFIED outcome, else null
 * @param channel           the destination channel that answered (ASW-MY, JP-CUSTOMS), null when none did
 * @param certificateNumber the issued certificate verified, null for a Declaration of Origin
 * @param issuingAuthority  its issuing body, null for a Declaration of Origin
 * @param revocation        true for the version that records a revocation of the verified certificate
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
        String shortCode,
        String channel,
        String certificateNumber,
        String issuingAuthority,
        boolean revocation) {}
