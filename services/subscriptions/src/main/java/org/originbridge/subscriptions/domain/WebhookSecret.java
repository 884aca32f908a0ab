package org.originbridge.subscriptions.domain;

import java.security.SecureRandom;
import java.util.Base64;

/** Standard Webhooks secrets: {@code whsec_} + base64 of 32 random bytes; the HMAC key is the decoded bytes. */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {
    }

    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key of a secret; throws IllegalArgumentException for anything not {@code whsec_<base64>}. */
    public static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
        byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        if (key.length < 16) {
            throw new IllegalArgumentException("a webhook secret has at least 16 bytes");
        }
        return key;
    }
}
