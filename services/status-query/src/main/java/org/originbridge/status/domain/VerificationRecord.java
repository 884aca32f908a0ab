package org.originbridge.status.domain;

import java.time.Instant;

/** The ASEAN Single Window verification of a declaration, as asw-verification reported it. */
public record VerificationRecord(
        String outcome,
        String aswReference,
        String documentHash,
        Check documentIntegrity,
        Check issuanceStatus,
        Check issuerIdentity,
        String verificationCode,
        String reason,
        Instant verifiedAt) {

    public static final String VERIFIED = "VERIFIED";

    /** One check: VALID, INVALID or SKIPPED with a reason. */
    public record Check(String status, String reason) {
    }
}
