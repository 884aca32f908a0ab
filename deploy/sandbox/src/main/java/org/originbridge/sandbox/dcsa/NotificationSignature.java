package org.originbridge.sandbox.dcsa;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Callback signatures the Standard Webhooks way: {@code webhook-id}, {@code webhook-timestamp} (Unix seconds,
 * the real time of sending) and {@code webhook-signature: v1,<base64 HMAC-SHA256(secret, id.timestamp.body)>},
 * the secret taken as UTF-8 bytes. The timestamp and id inside the signed content let the receiver refuse
 * stale and replayed deliveries.
 */
public final class NotificationSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";

    private NotificationSignature() {}

    public static String sign(String secret, String id, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
