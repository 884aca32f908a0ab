package org.originbridge.asw.domain;

/**
 * A Certificate of Origin as its issuing authority issued it (from {@code eco-issuance-status},
 * status ISSUED).
 *
 * @param issuingAuthority CN-CCPIT, VN-MOIT, ...; events from before routing by exporting Party carry
 *                         none: then CN-CCPIT ({@link #DEFAULT_AUTHORITY})
 * @param documentSha256   the certificate document's hash, null when unknown
 */
public record Issuance(String certificateNumber, String issuingAuthority, String documentSha256) {

    public static final String DEFAULT_AUTHORITY = "CN-CCPIT";

    public Issuance {
        if (certificateNumber == null || certificateNumber.isBlank()) {
            throw new org.originbridge.platform.errors.InvalidRecordException("certificateNumber", "is required on an ISSUED status");
        }
        if (certificateNumber.length() > 64) {
            throw new org.originbridge.platform.errors.InvalidRecordException("certificateNumber", "at most 64 characters");
        }
        issuingAuthority = issuingAuthority == null || issuingAuthority.isBlank() ? DEFAULT_AUTHORITY : issuingAuthority;
        documentSha256 = documentSha256 == null || documentSha256.isBlank() ? null : documentSha256;
    }
}
