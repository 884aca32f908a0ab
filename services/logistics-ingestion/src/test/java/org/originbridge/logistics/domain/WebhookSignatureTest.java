package org.originbridge.logistics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private final WebhookSignature signature = new WebhookSignature(SECRET);
    private final byte[] body = "[{\"eventID\":\"e-1\"}]".getBytes(StandardCharsets.UTF_8);

    @Test
    void goodSignatureVerifies() {
        String header = signature.sign(body);
        assertThat(header).startsWith("sha256=").hasSize(7 + 64);
        assertThat(signature.verify(body, header)).isTrue();
        assertThat(signature.verify(body, header.toUpperCase().replace("SHA256=", "sha256="))).isTrue();
    }

    @Test
    void knownVectorMatchesHmacSha256() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        WebhookSignature jefe = new WebhookSignature("Jefe");
        assertThat(jefe.sign("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void tamperedBodyFails() {
        String header = signature.sign(body);
        byte[] tampered = "[{\"eventID\":\"e-2\"}]".getBytes(StandardCharsets.UTF_8);
        assertThat(signature.verify(tampered, header)).isFalse();
    }

    @Test
    void wrongSecretFails() {
        String header = new WebhookSignature("another-secret-of-32-characters!").sign(body);
        assertThat(signature.verify(body, header)).isFalse();
    }

    @Test
    void missingOrMalformedHeaderFails() {
        assertThat(signature.verify(body, null)).isFalse();
        assertThat(signature.verify(body, "")).isFalse();
        assertThat(signature.verify(body, signature.sign(body).substring(7))).isFalse();
        assertThat(signature.verify(body, "sha256=zz")).isFalse();
        assertThat(signature.verify(body, "sha1=" + signature.sign(body).substring(7))).isFalse();
    }
}
