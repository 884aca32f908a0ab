package org.originbridge.sandbox.verification;

/**
 * What a destination channel knows of certificates issued by the exporting Parties' issuing
 * authorities (in reality: the e-CO exchanged between the authorities, or the authority's lookup).
 * The sandbox reads its own issuing authorities' registries ({@link RegistryIssuedCertificates}).
 */
public interface IssuedCertificates {

    enum Status { ISSUED, REVOKED, UNKNOWN }

    Status status(String issuingAuthority, String certificateNumber);
}
