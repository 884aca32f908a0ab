package org.originbridge.asw.domain;

import java.time.LocalDate;
import java.util.List;

/** What is sent to ASW for one declaration. */
public record AswRequest(
        String declarationId,
        String coReferenceNumber,
        String documentType,
        String exportingCountry,
        String importingCountry,
        String exporterName,
        List<String> hsCodes,
        LocalDate issueDate,
        String documentHash) {

    /** Sent as ASW's Idempotency-Key: the same declaration content always gets the same answer. */
    public String idempotencyKey() {
        return declarationId + ":" + documentHash;
    }
}
