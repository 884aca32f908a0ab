package org.originbridge.origin.consistency;

/**
 * The certificate as the issuing authority issued it: read from the document the authority returned,
 * never from our own copy of the declaration.
 *
 * @param issuingAuthority e.g. CN-CCPIT, VN-MOIT
 * @param content          what the certificate states (fields the document does not carry are null)
 */
public record IssuedCertificate(String issuingAuthority, String certificateNumber, ShipmentFacts content) {
}
