package org.originbridge.status.domain;

import java.time.Instant;

/** The current e-CO issuance status at CCPIT; {@code sequence} orders the changes of one declaration. */
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
        Instant changedAt) {

    public static final String ISSUED = "ISSUED";

    /** The entry this change leaves in the declaration's history. */
    public HistoryEntry historyEntry() {
        return new HistoryEntry(sequence, status, changedAt, reason);
    }

    /** One step of the issuance history. */
    public record HistoryEntry(Integer sequence, String status, Instant changedAt, String reason) {
    }
}
