package org.originbridge.sandbox.verification;

/**
 * What a destination channel knows of certificates issued by the exporting Parties' issuing
 * authorities (in reality: the e-CO exchanged between the authorities, or the authority's lookup).
 * The sandbox's default is {@link NumberingIssuedCertificates}; a bean reading the sandbox's
 * issuing-authority registries (marked {@code @Primary}) replaces it.
 */
public interface IssuedCertificates {

    enum Status { ISSUED, REVOKED, UNKNOWN }

    Status status(String issuingAuthority, String certificateNumber);
}
