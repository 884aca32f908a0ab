package org.originbridge.status.domain;

import java.time.Instant;

/** The answer to scanning an e-CO's dynamic QR code. */
public record QrCheck(boolean valid, String reason, String certificateNumber, String referenceNumber,
        String exporterName, String destinationCountry, String issuanceStatus, Instant statusSince, String queryUrl) {

    static QrCheck invalid(String reason) {
        return new QrCheck(false, reason, null, null, null, null, null, null, null);
    }
}
