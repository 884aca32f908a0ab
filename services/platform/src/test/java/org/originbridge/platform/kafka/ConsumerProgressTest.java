package org.originbridge.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.originbridge.platform.kafka.ConsumerProgress.Sample;

class ConsumerProgressTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T20:00:00Z"));
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    };
    private final ConsumerProgress progress = new ConsumerProgress(Duration.ofMinutes(3), clock);

    private void later(Duration d) {
        now.set(now.get().plus(d));
    }

    @Test
    void lagWithoutOffsetProgressForStuckAfterIsStuck() {
        assertThat(progress.observe("c", new Sample(10, 5, false)).stuck()).isFalse();
        later(Duration.ofMinutes(2));
        assertThat(progress.observe("c", new Sample(10, 7, false)).stuck()).isFalse();
        later(Duration.ofMinutes(1));
        ConsumerProgress.Verdict verdict = progress.observe("c", new Sample(10, 9, false));
        assertThat(verdict.stuck()).isTrue();
        assertThat(verdict.sinceProgress()).isEqualTo(Duration.ofMinutes(3));
        // the offsets move again: not stuck any more
        later(Duration.ofSeconds(10));
        assertThat(progress.observe("c", new Sample(11, 8, false)).stuck()).isFalse();
    }

    @Test
    void noLagIsNeverStuck() {
        progress.observe("c", new Sample(10, 0, false));
        later(Duration.ofHours(1));
        assertThat(progress.observe("c", new Sample(10, 0, false)).stuck()).isFalse();
        later(Duration.ofHours(1));
        // lag appears now: the clock starts now, not at the last sample
        assertThat(progress.observe("c", new Sample(10, 3, false)).stuck()).isFalse();
    }

    @Test
    void aContainerPausedByABreakerIsWaitingOnPurposeNotStuck() {
        progress.observe("c", new Sample(10, 5, false));
        later(Duration.ofMinutes(10));
        assertThat(progress.observe("c", new Sample(10, 50, true)).stuck()).isFalse();
        // resumed but still no progress: stuck only after stuckAfter from the resume
        later(Duration.ofMinutes(1));
        assertThat(progress.observe("c", new Sample(10, 50, false)).stuck()).isFalse();
        later(Duration.ofMinutes(3));
        assertThat(progress.observe("c", new Sample(10, 50, false)).stuck()).isTrue();
    }

    @Test
    void containersAreTrackedSeparately() {
        progress.observe("a", new Sample(1, 5, false));
        progress.observe("b", new Sample(1, 5, false));
        later(Duration.ofMinutes(4));
        assertThat(progress.observe("a", new Sample(2, 5, false)).stuck()).isFalse();
        assertThat(progress.observe("b", new Sample(1, 5, false)).stuck()).isTrue();
    }
}
