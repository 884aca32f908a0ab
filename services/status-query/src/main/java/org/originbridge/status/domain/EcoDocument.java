package org.originbridge.status.domain;

import java.time.Instant;

/**
 * The customs-certified e-CO an importer retrieves once CCPIT has issued it; {@code shortCode} is the
 * human verification code (with the reference number, at the public verification entry).
 */
public record EcoDocument(String declarationId, String certificateNumber, String serialNumber, String queryUrl,
        String qrToken, Instant issuedAt, String verificationCode, String aswReference, DeclarationData declaration,
        String shortCode) {
}
