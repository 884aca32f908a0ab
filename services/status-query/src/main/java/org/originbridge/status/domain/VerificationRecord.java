package org.originbridge.status.domain;

import java.time.Instant;

/**
 * The ASEAN Single Window verification of a declaration, as asw-verification reported it:
 * {@code version} is the declaration content version (a newer version replaces an older one, never
 * the reverse), {@code shortCode} the human code (canonical form) valid with the reference number.
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
        String shortCode) {

    public static final String VERIFIED = "VERIFIED";

    /** One check: VALID, INVALID or SKIPPED with a reason. */
    public record Check(String status, String reason) {
    }
}
