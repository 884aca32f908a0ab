package org.originbridge.origin.declaration;

/** The two RCEP proofs of origin (Art 3.16). */
public enum ProofType {
    /** Certificate of Origin issued by an issuing body: needs issuing-body certification (Annex 3B (h)). */
    CERTIFICATE_OF_ORIGIN,
    /** Declaration of Origin by an approved exporter: needs the approved exporter code instead of certification. */
    DECLARATION_OF_ORIGIN
}
