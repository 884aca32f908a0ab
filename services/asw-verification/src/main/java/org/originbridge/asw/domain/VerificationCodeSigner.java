package org.originbridge.asw.domain;

/**
 * Port: a signed verification code (compact JWS) binding declarationId, coReferenceNumber,
 * aswReference, outcome, documentHash, the content version, the short code, and the channel and
 * certificate verified, so anyone holding the code can check what was verified. Signed once per
 * verified version (see {@link VerificationLedger}).
 */
public interface VerificationCodeSigner {
    String sign(String declarationId, String coReferenceNumber, String aswReference, Outcome outcome, String documentHash,
            int version, String shortCode, String channel, String certificateNumber);
}
