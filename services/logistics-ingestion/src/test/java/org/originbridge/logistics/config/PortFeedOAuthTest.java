package org.originbridge.logistics.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The port feed's client credentials come all three or none; none keeps the static PORT_FEED_TOKEN. */
class PortFeedOAuthTest {

    @Test
    void allThreeEnableClientCredentials() {
        assertThat(new LogisticsProperties.OAuth("http://127.0.0.1:1/dcsa/oauth2/token", "id", "secret").enabled()).isTrue();
    }

    @Test
    void noneLeavesTheStaticToken() {
        assertThat(new LogisticsProperties.OAuth("", "", "").enabled()).isFalse();
        assertThat(new LogisticsProperties.OAuth(null, null, null).enabled()).isFalse();
    }

    @Test
    void aPartialSetIsRefusedNamingTheVariables() {
        assertThatThrownBy(() -> new LogisticsProperties.OAuth("", "id", "secret"))
                .hasMessageContaining("PORT_FEED_OAUTH_TOKEN_URI");
        assertThatThrownBy(() -> new LogisticsProperties.OAuth("http://127.0.0.1:1/t", "id", " "))
                .hasMessageContaining("together");
    }
}
