package org.originbridge.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.originbridge.platform.signing.WebhookSignature.Verdict;

/** Standard Webhooks signatures: fresh accepted; replayed, stale, tampered, foreign or malformed refused. */
class WebhookSignatureTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final WebhookSignature signature = new WebhookSignature(SECRET, Duration.ofMinutes(5), clock);
    private final byte[] body = "[{\"eventID\":\"e-1\"}]".getBytes(StandardCharsets.UTF_8);
    private final long now = NOW.getEpochSecond();

    @Test
    void aFreshDeliveryIsAcceptedOnce() {
        String header = signature.sign("msg_1", now, body);
        assertThat(header).startsWith("v1,");
        assertThat(signature.verify("msg_1", Long.toString(now), body, header)).isEqualTo(Verdict.VALID);
        assertThat(signature.verify("msg_1", Long.toString(now), body, header)).isEqualTo(Verdict.REPLAYED);
    }

    @Test
    void aForgottenIdIsAcceptedOnceMoreAndOnlyOnce() {
        String header = signature.sign("msg_f", now, body);
        assertThat(signature.verify("msg_f", Long.toString(now), body, header)).isEqualTo(Verdict.VALID);
        signature.forget("msg_f"); // the receiver answered 503: the sender's retry must not be a replay
        assertThat(signature.verify("msg_f", Long.toString(now), body, header)).isEqualTo(Verdict.VALID);
        assertThat(signature.verify("msg_f", Long.toString(now), body, header)).isEqualTo(Verdict.REPLAYED);
        signature.forget(null); // harmless
        assertThat(signature.verify("msg_f", Long.toString(now), body, header)).isEqualTo(Verdict.REPLAYED);
    }

    @Test
    void aReplayIsRefusedForAsLongAsItsTimestampIsWithinTheTolerance() {
        String header = signature.sign("msg_2", now, body);
        assertThat(signature.verify("msg_2", Long.toString(now), body, header)).isEqualTo(Verdict.VALID);
        clock.now = NOW.plus(Duration.ofMinutes(4));
        assertThat(signature.verify("msg_2", Long.toString(now), body, header)).isEqualTo(Verdict.REPLAYED);
        clock.now = NOW.plus(Duration.ofMinutes(6));
        assertThat(signature.verify("msg_2", Long.toString(now), body, header)).isEqualTo(Verdict.STALE);
    }

    @Test
    void aStaleOrFutureTimestampIsRefusedEvenWhenSigned() {
        long old = now - Duration.ofMinutes(6).toSeconds();
        assertThat(signature.verify("msg_3", Long.toString(old), body, signature.sign("msg_3", old, body)))
                .isEqualTo(Verdict.STALE);
        long future = now + Duration.ofMinutes(6).toSeconds();
        assertThat(signature.verify("msg_4", Long.toString(future), body, signature.sign("msg_4", future, body)))
                .isEqualTo(Verdict.STALE);
    }

    @Test
    void theTimestampAndIdAreSigned() {
        String header = signature.sign("msg_5", now - 60, body);
        assertThat(signature.verify("msg_5", Long.toString(now), body, header)).isEqualTo(Verdict.INVALID_SIGNATURE);
        assertThat(signature.verify("msg_6", Long.toString(now - 60), body, header)).isEqualTo(Verdict.INVALID_SIGNATURE);
    }

    @Test
    void aTamperedBodyOrForeignSecretIsRefused() {
        String header = signature.sign("msg_7", now, body);
        byte[] tampered = "[{\"eventID\":\"e-2\"}]".getBytes(StandardCharsets.UTF_8);
        assertThat(signature.verify("msg_7", Long.toString(now), tampered, header)).isEqualTo(Verdict.INVALID_SIGNATURE);
        String foreign = new WebhookSignature("another-secret-of-32-characters!", WebhookSignature.DEFAULT_TOLERANCE, java.time.Clock.systemUTC()).sign("msg_8", now, body);
        assertThat(signature.verify("msg_8", Long.toString(now), body, foreign)).isEqualTo(Verdict.INVALID_SIGNATURE);
    }

    @Test
    void oneOfSeveralSignaturesMayMatch() {
        String foreign = new WebhookSignature("another-secret-of-32-characters!", WebhookSignature.DEFAULT_TOLERANCE, java.time.Clock.systemUTC()).sign("msg_9", now, body);
        String header = foreign + " " + signature.sign("msg_9", now, body);
        assertThat(signature.verify("msg_9", Long.toString(now), body, header)).isEqualTo(Verdict.VALID);
    }

    @Test
    void missingOrMalformedHeadersAreRefused() {
        String ts = Long.toString(now);
        String header = signature.sign("msg_10", now, body);
        assertThat(signature.verify(null, ts, body, header)).isEqualTo(Verdict.MISSING);
        assertThat(signature.verify("msg_10", null, body, header)).isEqualTo(Verdict.MISSING);
        assertThat(signature.verify("msg_10", ts, body, null)).isEqualTo(Verdict.MISSING);
        assertThat(signature.verify("msg\r\n10", ts, body, header)).isEqualTo(Verdict.MALFORMED);
        assertThat(signature.verify("m".repeat(129), ts, body, header)).isEqualTo(Verdict.MALFORMED);
        assertThat(signature.verify("msg_10", "1e9", body, header)).isEqualTo(Verdict.MALFORMED);
        assertThat(signature.verify("msg_10", ts, body, "v1,!!notbase64")).isEqualTo(Verdict.INVALID_SIGNATURE);
        assertThat(signature.verify("msg_10", ts, body, "v2," + header.substring(3))).isEqualTo(Verdict.INVALID_SIGNATURE);
        assertThat(signature.verify("msg_10", ts, body, header)).isEqualTo(Verdict.VALID);
    }

    @Test
    void theMacIsHmacSha256OverIdDotTimestampDotBody() {
        WebhookSignature jefe = new WebhookSignature("Jefe", WebhookSignature.DEFAULT_TOLERANCE, java.time.Clock.systemUTC());
        assertThat(jefe.sign("msg_a", 1, "b".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1," + java.util.Base64.getEncoder().encodeToString(hmac("Jefe", "msg_a.1.b")));
        // and HMAC-SHA256 itself is the RFC 4231 one (test case 2)
        assertThat(java.util.HexFormat.of().formatHex(hmac("Jefe", "what do ya want for nothing?")))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    private static byte[] hmac(String key, String data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
