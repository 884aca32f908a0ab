package org.originbridge.subscriptions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), 12);

    @Test
    void ceilingsDoubleFromTheInitialBackoffUpToTheCap() {
        assertThat(schedule.ceiling(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.ceiling(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(schedule.ceiling(5)).isEqualTo(Duration.ofSeconds(480));
        assertThat(schedule.ceiling(8)).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.ceiling(500)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void fullJitterSpansZeroToTheCeiling() {
        assertThat(schedule.delay(3, () -> 0.0)).isEqualTo(Duration.ZERO);
        assertThat(schedule.delay(3, () -> 0.5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(schedule.delay(3, () -> 0.999_999)).isLessThan(Duration.ofSeconds(120));
    }

    @Test
    void theDefaultScheduleRetriesForHours() {
        Duration worst = Duration.ZERO;
        for (int failures = 1; failures < 12; failures++) {
            worst = worst.plus(schedule.ceiling(failures));
        }
        assertThat(worst).isGreaterThan(Duration.ofHours(4));
        assertThat(schedule.exhausted(11)).isFalse();
        assertThat(schedule.exhausted(12)).isTrue();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(2), Duration.ofSeconds(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
