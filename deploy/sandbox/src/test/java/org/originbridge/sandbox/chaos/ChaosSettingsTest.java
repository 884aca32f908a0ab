package org.originbridge.sandbox.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChaosSettingsTest {

    @Test
    void refusesImpossibleSettings() {
        assertThatThrownBy(() -> new ChaosSettings(Duration.ofMillis(50), Duration.ofMillis(10), 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChaosSettings(Duration.ZERO, Duration.ZERO, 1.5, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChaosSettings(Duration.ZERO, Duration.ZERO, 0, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndNeverZero() {
        assertThat(ChaosFilter.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
        assertThat(ChaosFilter.retryAfterSeconds(Duration.ofMillis(200))).isEqualTo(1);
        assertThat(ChaosFilter.retryAfterSeconds(Duration.ofMillis(1001))).isEqualTo(2);
    }
}
