package org.originbridge.sandbox.dcsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NotificationSignatureTest {

    @Test
    void isHexHmacSha256OfTheBodyPrefixedWithTheAlgorithm() {
        // Well-known HMAC-SHA256 vector (key "key", the quick brown fox).
        String signature = NotificationSignature.sign("key",
                "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }
}
