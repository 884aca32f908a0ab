package org.originbridge.platform.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Inbound callbacks (DCSA subscription callbacks in logistics-ingestion, issuing authorities' status notifications
 * in ccpit-sync) are signed the Standard Webhooks way: headers {@code webhook-id},
 * {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature: v1,<base64 HMAC-SHA256(secret,
 * id + "." + timestamp + "." + raw body)>} (several space-separated signatures allowed, for secret rotation),
 * the secret taken as its UTF-8 bytes. Verification runs before the body is parsed, compares MACs in constant
 * time, refuses a timestamp more than the tolerance (default 5 minutes) away from now, and refuses an id
 * already accepted within the tolerance (a replay). The ids seen are kept in memory, pruned past the
 * tolerance and bounded ({@link #MAX_REMEMBERED}); a delivery older than the tolerance is refused as stale
 * anyway, so nothing outside the window needs remembering.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    /** Ids remembered at most; beyond it the oldest is forgotten (it would take that many deliveries per window). */
    public static final int MAX_REMEMBERED = 100_000;

    private static final String VERSION = "v1,";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_ID_LENGTH = 128;

    /** The outcome of one verification; only {@link #VALID} lets the body be read. */
    public enum Verdict {
        VALID("valid"),
        MISSING("missing webhook-id, webhook-timestamp or webhook-signature header"),
        MALFORMED("malformed webhook-id or webhook-timestamp"),
        STALE("webhook-timestamp is outside the tolerance"),
        INVALID_SIGNATURE("webhook-signature does not match the id, timestamp and body"),
        REPLAYED("webhook-id was already delivered");

        private final String reason;

        Verdict(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private final byte[] secret;
    private final Duration tolerance;
    private final Clock clock;
    private final Map<String, Instant> seen = new LinkedHashMap<>();

    public WebhookSignature(String secret, Duration tolerance, Clock clock) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The {@code webhook-signature} value a sender with this secret puts on a delivery. */
    public String sign(String id, long timestampSeconds, byte[] body) {
        return VERSION + Base64.getEncoder().encodeToString(mac(id, timestampSeconds, body));
    }

    /** Verifies one delivery and, when valid, remembers its id so that a replay is refused. */
    public Verdict verify(String id, String timestamp, byte[] body, String signatures) {
        if (id == null || timestamp == null || signatures == null) {
            return Verdict.MISSING;
        }
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH || !id.chars().allMatch(c -> c > 0x20 && c < 0x7f)
                || !timestamp.matches("\\d{1,12}")) {
            return Verdict.MALFORMED;
        }
        long seconds = Long.parseLong(timestamp);
        Instant now = clock.instant();
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(tolerance) > 0) {
            return Verdict.STALE;
        }
        if (!anyMatches(mac(id, seconds, body), signatures)) {
            return Verdict.INVALID_SIGNATURE;
        }
        return remember(id, now) ? Verdict.VALID : Verdict.REPLAYED;
    }

    /**
     * Forgets an id {@link #verify} accepted, so that the sender's retry of the same delivery (same {@code webhook-id})
     * is accepted again: for a receiver that could not handle a valid delivery and answered "try again later" (503).
     */
    public synchronized void forget(String id) {
        if (id != null) {
            seen.remove(id);
        }
    }

    private static boolean anyMatches(byte[] expected, String signatures) {
        boolean match = false;
        for (String candidate : signatures.trim().split(" +")) {
            if (!candidate.startsWith(VERSION)) {
                continue;
            }
            byte[] presented;
            try {
                presented = Base64.getDecoder().decode(candidate.substring(VERSION.length()));
            } catch (IllegalArgumentException e) {
                continue;
            }
            match |= MessageDigest.isEqual(expected, presented);
        }
        return match;
    }

    /** False when {@code id} was accepted within the tolerance; prunes what fell out of it. */
    private synchronized boolean remember(String id, Instant now) {
        Instant horizon = now.minus(tolerance).minus(tolerance); // a timestamp may lead or lag by the tolerance
        for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next().isBefore(horizon)) {
                it.remove();
            } else {
                break; // insertion order is arrival order
            }
        }
        if (seen.containsKey(id)) {
            return false;
        }
        if (seen.size() >= MAX_REMEMBERED) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        seen.put(id, now);
        return true;
    }

    private byte[] mac(String id, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this JVM", e);
        }
    }
}
