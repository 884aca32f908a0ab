package org.originbridge.ccpit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.originbridge.platform.signing.WebhookSignature;
import org.originbridge.platform.signing.WebhookSignature.Verdict;

class NotificationSignatureTest {

    private final Fakes.MovableClock clock = new Fakes.MovableClock();
    private final WebhookSignature verifier = new WebhookSignature("shared-secret", Duration.ofMinutes(5), clock);
    private final byte[] body = "{\"declarationId\":\"D1\"}".getBytes(StandardCharsets.UTF_8);
    private final long now = clock.instant().getEpochSecond();

    @Test
    void aSignedNotificationIsValidOnceThenAReplay() {
        String signature = verifier.sign("msg-1", now, body);
        assertThat(verifier.verify("msg-1", Long.toString(now), body, signature)).isEqualTo(Verdict.VALID);
        assertThat(verifier.verify("msg-1", Long.toString(now), body, signature)).isEqualTo(Verdict.REPLAYED);
    }

    @Test
    void hostileNotificationsAreRefused() {
        String signature = verifier.sign("msg-2", now, body);
        String forged = new WebhookSignature("another-secret", Duration.ofMinutes(5), clock).sign("msg-2", now, body);
        assertThat(verifier.verify("msg-2", Long.toString(now), body, forged)).isEqualTo(Verdict.INVALID_SIGNATURE);
        byte[] altered = "{\"declarationId\":\"D2\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify("msg-2", Long.toString(now), altered, signature)).isEqualTo(Verdict.INVALID_SIGNATURE);
        String old = verifier.sign("msg-3", now - 301, body);
        assertThat(verifier.verify("msg-3", Long.toString(now - 301), body, old)).isEqualTo(Verdict.STALE);
        assertThat(verifier.verify("msg-4", Long.toString(now + 301), body, verifier.sign("msg-4", now + 301, body)))
                .as("from the future").isEqualTo(Verdict.STALE);
        assertThat(verifier.verify(null, Long.toString(now), body, signature)).isEqualTo(Verdict.MISSING);
        assertThat(verifier.verify("msg-5", "yesterday", body, signature)).isEqualTo(Verdict.MALFORMED);
        assertThat(verifier.verify("x".repeat(129), Long.toString(now), body, signature)).isEqualTo(Verdict.MALFORMED);
        assertThat(verifier.verify("msg\n6", Long.toString(now), body, signature)).isEqualTo(Verdict.MALFORMED);
        assertThat(verifier.verify("msg-7", Long.toString(now), body, "v1,!!!not-base64 v2,abc")).isEqualTo(Verdict.INVALID_SIGNATURE);
        // the signature of the id that was refused stays usable once (refusals remember nothing)
        assertThat(verifier.verify("msg-2", Long.toString(now), body, signature)).isEqualTo(Verdict.VALID);
    }

    @Test
    void oneOfSeveralSignaturesMayMatchDuringARotation() {
        String current = verifier.sign("msg-8", now, body);
        assertThat(verifier.verify("msg-8", Long.toString(now), body, "v1,b2xk " + current)).isEqualTo(Verdict.VALID);
    }

    @Test
    void aSecretIsRequired() {
        assertThatThrownBy(() -> new WebhookSignature(" ", Duration.ofMinutes(5), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
