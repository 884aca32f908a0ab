package org.originbridge.asw.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What is sent to a destination's verification channel for one declaration.
 *
 * @param certificateNumber          the issued certificate's number (Certificate of Origin); null for a
 *                                   Declaration of Origin (self-issued: nothing was issued)
 * @param issuingAuthority           the issuing body of that certificate (CN-CCPIT, VN-MOIT); null for a DoO
 * @param certificateDocumentSha256  hex SHA-256 of the issued certificate document as the authority
 *                                   delivered it; null when unknown (not retrieved, or an older event)
 */
public record AswRequest(
        String declarationId,
        String coReferenceNumber,
        String documentType,
        String exportingCountry,
        String importingCountry,
        String exporterName,
        List<String> hsCodes,
        LocalDate issueDate,
        String documentHash,
        String certificateNumber,
        String issuingAuthority,
        String certificateDocumentSha256) {

    public static final String CERTIFICATE_OF_ORIGIN = "CERTIFICATE_OF_ORIGIN";

    /** Sent as the channel's Idempotency-Key: the same declaration content always gets the same answer. */
    public String idempotencyKey() {
        return declarationId + ":" + documentHash;
    }

    /** A Certificate of Origin is verified only once issued; anything else (a Declaration of Origin) at once. */
    public boolean needsIssuance() {
        return CERTIFICATE_OF_ORIGIN.equals(documentType);
    }

    /** This request for the certificate as issued. */
    public AswRequest withIssuance(Issuance issued) {
        return new AswRequest(declarationId, coReferenceNumber, documentType, exportingCountry, importingCountry, exporterName,
                hsCodes, issueDate, documentHash, issued.certificateNumber(), issued.issuingAuthority(), issued.documentSha256());
    }
}
