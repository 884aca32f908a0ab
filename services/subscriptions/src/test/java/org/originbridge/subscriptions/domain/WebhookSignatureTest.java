package org.originbridge.subscriptions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.originbridge.subscriptions.domain.WebhookSignature.Verifier;
import org.originbridge.subscriptions.domain.WebhookSignature.Verifier.Verdict;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TS = 1614265330L;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.ofEpochSecond(TS + 10);

    @Test
    void signsLikeTheStandardWebhooksReferenceVector() {
        // the test vector of the Standard Webhooks reference libraries
        assertThat(WebhookSignature.sign(SECRET, ID, TS, BODY)).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theReceiverAcceptsAGenuineDeliveryOnceAndRefusesReplaysForgeriesAndStaleOnes() {
        Verifier receiver = new Verifier(SECRET, Duration.ofMinutes(5));
        String signature = WebhookSignature.sign(SECRET, ID, TS, BODY);

        assertThat(receiver.verify(ID, Long.toString(TS), signature, BODY, NOW)).isEqualTo(Verdict.VALID);
        assertThat(receiver.verify(ID, Long.toString(TS), signature, BODY, NOW)).as("not processed yet: a retry").isEqualTo(Verdict.VALID);
        receiver.processed(ID, NOW);
        assertThat(receiver.verify(ID, Long.toString(TS), signature, BODY, NOW)).as("replayed capture").isEqualTo(Verdict.REPLAYED);
        assertThat(receiver.verify(ID, Long.toString(TS + 5), WebhookSignature.sign(SECRET, ID, TS + 5, BODY), BODY, NOW))
                .as("our own retry of a processed id").isEqualTo(Verdict.REPLAYED);

        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThat(receiver.verify("msg_2", Long.toString(TS), WebhookSignature.sign(SECRET, ID, TS, BODY), BODY, NOW))
                .as("signature of another id").isEqualTo(Verdict.INVALID_SIGNATURE);
        assertThat(receiver.verify(ID, Long.toString(TS + 1), signature, BODY, NOW)).as("moved timestamp").isEqualTo(Verdict.INVALID_SIGNATURE);
        assertThat(receiver.verify("msg_3", Long.toString(TS), WebhookSignature.sign(SECRET, "msg_3", TS, BODY), tampered, NOW))
                .as("tampered body").isEqualTo(Verdict.INVALID_SIGNATURE);
        String otherSecret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(receiver.verify("msg_4", Long.toString(TS), WebhookSignature.sign(otherSecret, "msg_4", TS, BODY), BODY, NOW))
                .as("forged with another secret").isEqualTo(Verdict.INVALID_SIGNATURE);
        assertThat(receiver.verify("msg_5", Long.toString(TS), "v1,not-base64!!", BODY, NOW)).isEqualTo(Verdict.INVALID_SIGNATURE);
        assertThat(receiver.verify("msg_6", Long.toString(TS), "v2," + signature.substring(3), BODY, NOW)).isEqualTo(Verdict.INVALID_SIGNATURE);
        assertThat(receiver.verify("msg_7", Long.toString(TS - 600), WebhookSignature.sign(SECRET, "msg_7", TS - 600, BODY), BODY, NOW))
                .as("older than the tolerance").isEqualTo(Verdict.STALE);
        assertThat(receiver.verify(null, Long.toString(TS), signature, BODY, NOW)).isEqualTo(Verdict.MISSING);
        assertThat(receiver.verify(ID, "12ab", signature, BODY, NOW)).isEqualTo(Verdict.MALFORMED);
        assertThat(receiver.verify("x".repeat(129), Long.toString(TS), signature, BODY, NOW)).isEqualTo(Verdict.MALFORMED);
        // several signatures (secret rotation): one matching suffices
        assertThat(receiver.verify("msg_8", Long.toString(TS), "v1,AAAA " + WebhookSignature.sign(SECRET, "msg_8", TS, BODY), BODY, NOW))
                .isEqualTo(Verdict.VALID);
        // a capture replayed after the tolerance is stale, whatever was remembered
        assertThat(receiver.verify(ID, Long.toString(TS), signature, BODY, NOW.plusSeconds(3600))).isEqualTo(Verdict.STALE);
    }

    @Test
    void secretsAreWhsecBase64OfThirtyTwoRandomBytes() {
        String a = WebhookSecret.generate();
        assertThat(a).startsWith("whsec_").isNotEqualTo(WebhookSecret.generate());
        assertThat(WebhookSecret.key(a)).hasSize(32);
        assertThatThrownBy(() -> WebhookSecret.key("secret")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookSecret.key("whsec_AAAA")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void duringARotationTheHeaderCarriesOneSignaturePerSecretAndEachVerifiesAlone() {
        String fresh = WebhookSecret.generate();
        String header = WebhookSignature.sign(java.util.List.of(fresh, SECRET), ID, TS, BODY);

        assertThat(header.split(" ")).hasSize(2).allSatisfy(part -> assertThat(part).startsWith("v1,"));
        assertThat(new WebhookSignature.Verifier(SECRET, java.time.Duration.ofMinutes(5)).verify(ID, Long.toString(TS), header, BODY, NOW))
                .as("a receiver still on the old secret").isEqualTo(WebhookSignature.Verifier.Verdict.VALID);
        assertThat(new WebhookSignature.Verifier(fresh, java.time.Duration.ofMinutes(5)).verify(ID, Long.toString(TS), header, BODY, NOW))
                .as("a receiver already on the new secret").isEqualTo(WebhookSignature.Verifier.Verdict.VALID);
        assertThat(new WebhookSignature.Verifier(WebhookSecret.generate(), java.time.Duration.ofMinutes(5))
                .verify(ID, Long.toString(TS), header, BODY, NOW)).isEqualTo(WebhookSignature.Verifier.Verdict.INVALID_SIGNATURE);
    }
}
