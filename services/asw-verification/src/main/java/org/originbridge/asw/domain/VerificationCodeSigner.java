package org.originbridge.asw.domain;

/**
 * Port: a signed verification code (compact JWS) binding declarationId, coReferenceNumber,
 * aswReference, outcome and documentHash, so anyone holding the code can check what was verified.
 */
public interface VerificationCodeSigner {
    String sign(String declarationId, String coReferenceNumber, String aswReference, Outcome outcome, String documentHash);
}
