package org.originbridge.status.domain;

import java.time.Instant;

/** The customs-certified e-CO an importer retrieves once CCPIT has issued it. */
public record EcoDocument(String declarationId, String certificateNumber, String serialNumber, String queryUrl,
        String qrToken, Instant issuedAt, String verificationCode, String aswReference, DeclarationData declaration) {
}
