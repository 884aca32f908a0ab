package org.originbridge.subscriptions.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): {@code webhook-signature:
 * v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>}, the key being the base64-decoded
 * part of the {@code whsec_} secret, the timestamp Unix seconds. {@link #sign} is what the dispatcher
 * puts on every attempt; {@link Verifier} is the receiver's side (the example in docs/integrations.md):
 * constant-time comparison, timestamps older or newer than the tolerance refused, ids already
 * processed reported as replays (to be answered 2xx and dropped: that is the dedupe by {@code webhook-id}).
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";

    private WebhookSignature() {
    }

    public static String sign(String secret, String id, long timestampSeconds, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(mac(WebhookSecret.key(secret), id, timestampSeconds, body));
    }

    /**
     * The header value for several secrets (during a secret's rotation): one {@code v1,} signature per
     * secret, space separated, as Standard Webhooks allows; a receiver accepts the delivery if any matches.
     */
    public static String sign(List<String> secrets, String id, long timestampSeconds, byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret signs");
        }
        StringJoiner header = new StringJoiner(" ");
        for (String secret : secrets) {
            header.add(sign(secret, id, timestampSeconds, body));
        }
        return header.toString();
    }

    static byte[] mac(byte[] key, String id, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** A receiver's verification, with replay protection for one secret. */
    public static final class Verifier {

        public enum Verdict { VALID, MISSING, MALFORMED, STALE, INVALID_SIGNATURE, REPLAYED }

        private final byte[] key;
        private final Duration tolerance;
        private final Map<String, Instant> seen = new LinkedHashMap<>();

        public Verifier(String secret, Duration tolerance) {
            this.key = WebhookSecret.key(secret);
            this.tolerance = tolerance;
        }

        public synchronized Verdict verify(String id, String timestamp, String signatures, byte[] body, Instant now) {
            if (id == null || timestamp == null || signatures == null) {
                return Verdict.MISSING;
            }
            if (id.isEmpty() || id.length() > 128 || !timestamp.matches("\\d{1,12}")) {
                return Verdict.MALFORMED;
            }
            long seconds = Long.parseLong(timestamp);
            if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(tolerance) > 0) {
                return Verdict.STALE;
            }
            byte[] expected = mac(key, id, seconds, body);
            boolean match = false;
            for (String candidate : signatures.trim().split(" +")) {
                if (candidate.startsWith("v1,")) {
                    try {
                        match |= MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)));
                    } catch (IllegalArgumentException e) {
                        // not base64: not a match
                    }
                }
            }
            if (!match) {
                return Verdict.INVALID_SIGNATURE;
            }
            prune(now);
            return seen.containsKey(id) ? Verdict.REPLAYED : Verdict.VALID;
        }

        /**
         * Marks {@code id} as processed (call it once the delivery is handled): a later delivery with the
         * same id, a retry of ours or a replayed capture, is then {@link Verdict#REPLAYED}; answer it 2xx
         * without processing it again. Ids are kept for twice the tolerance; older captures are STALE anyway.
         */
        public synchronized void processed(String id, Instant now) {
            prune(now);
            seen.putIfAbsent(id, now);
        }

        private void prune(Instant now) {
            Instant horizon = now.minus(tolerance).minus(tolerance);
            for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
                if (it.next().isBefore(horizon)) {
                    it.remove();
                } else {
                    break;
                }
            }
        }
    }
}
