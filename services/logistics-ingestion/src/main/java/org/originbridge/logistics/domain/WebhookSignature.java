package org.originbridge.logistics.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DCSA subscription callbacks carry {@code Notification-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>},
 * the secret taken as its UTF-8 bytes. Verification compares the MACs in constant time and runs
 * before the body is parsed.
 */
public final class WebhookSignature {

    public static final String HEADER = "Notification-Signature";
    private static final String SCHEME = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;

    public WebhookSignature(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The header value a sender with this secret puts on {@code body}. */
    public String sign(byte[] body) {
        return SCHEME + HexFormat.of().formatHex(mac(body));
    }

    /** True when {@code header} is {@code sha256=<hex>} and the hex is the MAC of {@code body}. */
    public boolean verify(byte[] body, String header) {
        if (header == null) {
            return false;
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(value.substring(SCHEME.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(body), presented);
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this JVM", e);
        }
    }
}
