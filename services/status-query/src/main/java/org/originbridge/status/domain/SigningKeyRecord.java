package org.originbridge.status.domain;

import java.time.Instant;

/**
 * A public signing key as its service published it on topic {@code signing-keys}: the public JWK
 * (JSON), the service holding the private half, and the instants bounding the tokens it may sign.
 * The newest {@code publishedAt} per kid wins.
 */
public record SigningKeyRecord(String kid, String service, String algorithm, String jwk, Instant notBefore, Instant notAfter,
        boolean current, Instant publishedAt) {

    /** Still verifies tokens at {@code now} (not past its notAfter). */
    public boolean validAt(Instant now) {
        return notAfter == null || notAfter.isAfter(now);
    }
}
