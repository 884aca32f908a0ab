package org.originbridge.origin.declaration;

import java.time.LocalDate;

/**
 * (h) certification by the issuing body (Certificate of Origin only).
 *
 * @param issuingBody          the issuing body, e.g. CCPIT or a GACC customs office
 * @param authorisedSignatory  name of the authorised signatory
 * @param officialSeal         whether the official seal (or its electronic equivalent) is applied
 * @param certifiedOn          certification date (optional)
 */
public record IssuingBodyCertification(String issuingBody, String authorisedSignatory, boolean officialSeal,
                                       LocalDate certifiedOn) {
}
