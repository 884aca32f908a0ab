package org.originbridge.status.domain;

import java.time.Instant;

/**
 * The ASEAN Single Window verification of a declaration, as asw-verification reported it:
 * {@code version} is the declaration content version (a newer version replaces an older one, never
 * the reverse), {@code shortCode} the human code (canonical form) valid with the reference number,
 * {@code channel} the destination's verification channel that answered (ASW-MY, JP-CUSTOMS, NOT_APPLICABLE
 * with the reason in {@code reason}; null on facts from before routing by destination).
 */
public record VerificationRecord(
        String outcome,
        String aswReference,
        String documentHash,
        Check documentIntegrity,
        Check issuanceStatus,
        Check issuerIdentity,
        String verificationCode,
        String reason,
        Instant verifiedAt,
        Integer version,
        String shortCode,
        String channel) {

    public static final String VERIFIED = "VERIFIED";

    /** Without the channel (facts from before routing by destination: then ASW). */
    public VerificationRecord(String outcome, String aswReference, String documentHash, Check documentIntegrity,
            Check issuanceStatus, Check issuerIdentity, String verificationCode, String reason, Instant verifiedAt,
            Integer version, String shortCode) {
        this(outcome, aswReference, documentHash, documentIntegrity, issuanceStatus, issuerIdentity, verificationCode,
                reason, verifiedAt, version, shortCode, null);
    }

    /** One check: VALID, INVALID or SKIPPED with a reason. */
    public record Check(String status, String reason) {
    }
}
