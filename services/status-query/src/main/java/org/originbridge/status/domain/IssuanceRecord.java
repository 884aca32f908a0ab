package org.originbridge.status.domain;

import java.time.Instant;

import org.originbridge.origin.consistency.ShipmentFacts;

/**
 * The current e-CO issuance status at the issuing authority; {@code sequence} orders the changes of one
 * declaration. {@code issuingAuthority} (CN-CCPIT, VN-MOIT), {@code authorityVerificationCode} (the
 * authority's own code), {@code documentSha256} (of the certificate document retrieved from it) and
 * {@code issuedContent} (what that document states: the consistency report's issued e-CO) are null until the
 * authority gives them, and on facts from before they were published.
 */
public record IssuanceRecord(
        String status,
        String previousStatus,
        Integer sequence,
        String applicationId,
        String certificateNumber,
        String serialNumber,
        String queryUrl,
        String qrToken,
        String reason,
        Instant changedAt,
        String issuingAuthority,
        String authorityVerificationCode,
        String documentSha256,
        ShipmentFacts issuedContent) {

    public IssuanceRecord(String status, String previousStatus, Integer sequence, String applicationId,
            String certificateNumber, String serialNumber, String queryUrl, String qrToken, String reason,
            Instant changedAt) {
        this(status, previousStatus, sequence, applicationId, certificateNumber, serialNumber, queryUrl, qrToken, reason,
                changedAt, null, null, null, null);
    }

    public static final String ISSUED = "ISSUED";

    /** The entry this change leaves in the declaration's history. */
    public HistoryEntry historyEntry() {
        return new HistoryEntry(sequence, status, changedAt, reason);
    }

    /** One step of the issuance history. */
    public record HistoryEntry(Integer sequence, String status, Instant changedAt, String reason) {
    }
}
