package org.originbridge.sandbox.dcsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NotificationSignatureTest {

    @Test
    void isBase64HmacSha256OfIdDotTimestampDotBodyPrefixedWithTheVersion() {
        // printf 'a.1.b' | openssl dgst -sha256 -hmac key -binary | base64
        assertThat(NotificationSignature.sign("key", "a", 1, "b".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1,x5tOcy8TSmcrIlScag+jdQEcfzV2fwdz8mSFheg7RaQ=");
    }
}
