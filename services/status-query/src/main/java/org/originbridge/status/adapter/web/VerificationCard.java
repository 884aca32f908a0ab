package org.originbridge.status.adapter.web;

import java.util.List;
import java.util.Map;

/**
 * One verification as every face shows it (the /verify page, the iframe, the embeddable module and
 * its live stream): the result in plain language, in the reader's language, with each check
 * explained. Built in one place ({@link VerificationCards}); the module renders it as given.
 *
 * @param state  VERIFIED, PENDING (every check so far passed, e.g. the e-CO is not issued yet) or NOT_VERIFIED
 * @param labels the fixed texts of the module (field names, link texts), in {@code lang}
 * @param qrUrl  the public QR image, null unless the code matched
 */
public record VerificationCard(String lang, String reference, String state, String headline, String explanation,
        List<Check> checks, Facts facts, Map<String, String> labels, String pageUrl, String qrUrl) {

    /**
     * @param type   INTEGRITY, CUSTOMS_CHANNEL, ISSUANCE or ISSUER
     * @param state  VALID, INVALID or SKIPPED
     * @param detail the technical reason (English), as the JSON verification report gives it
     */
    public record Check(String type, String state, String title, String explanation, String detail) {
    }

    /** What is printed next to the result once the code matched (all null otherwise). */
    public record Facts(String shortCode, String exporterName, String issuingBody, String issuanceStatus,
            String certificateNumber, String destinationCountry, String verifiedAt, String consistency) {
    }
}
