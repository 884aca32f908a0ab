package org.originbridge.ccpit.domain;

import java.time.Instant;

/** Port: signs short-lived tokens behind the dynamic QR code of an issued e-CO. */
public interface QrTokens {

    QrToken issue(EcoApplication application);

    /** A signed token and the public URL that verifies it (what the QR code encodes). */
    record QrToken(String token, Instant expiresAt, String verificationUrl) {
    }
}
