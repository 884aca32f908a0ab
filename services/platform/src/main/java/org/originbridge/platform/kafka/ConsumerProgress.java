package org.originbridge.platform.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides whether a consumer is stuck: it has lag (records waiting) and its committed offsets have
 * not moved for {@code stuckAfter}, while it is not deliberately paused (an open circuit breaker).
 * Plain logic fed by {@link ConsumerProgressHealthIndicator} on every health check; each listener
 * container is tracked by its id.
 */
final class ConsumerProgress {

    /** What was read about one listener container at one check. */
    record Sample(long committed, long lag, boolean paused) {}

    /** The verdict for one container. */
    record Verdict(boolean stuck, long lag, Duration sinceProgress) {}

    /** {@code waiting}: the sample had lag and was not paused (the clock of "no progress" runs only then). */
    private record Seen(long committed, Instant progressAt, boolean waiting) {}

    private final Duration stuckAfter;
    private final Clock clock;
    private final Map<String, Seen> seen = new HashMap<>();

    ConsumerProgress(Duration stuckAfter, Clock clock) {
        this.stuckAfter = stuckAfter;
        this.clock = clock;
    }

    synchronized Verdict observe(String container, Sample sample) {
        Instant now = clock.instant();
        Seen before = seen.get(container);
        boolean waiting = sample.lag() > 0 && !sample.paused();
        // the clock restarts on: first sight, offsets moved, nothing to do, deliberately paused, or
        // lag seen for the first time (between samples we cannot know when it appeared: assume now)
        if (before == null || before.committed() != sample.committed() || !waiting || !before.waiting()) {
            seen.put(container, new Seen(sample.committed(), now, waiting));
            return new Verdict(false, sample.lag(), Duration.ZERO);
        }
        Duration since = Duration.between(before.progressAt(), now);
        return new Verdict(since.compareTo(stuckAfter) >= 0, sample.lag(), since);
    }

    Duration stuckAfter() {
        return stuckAfter;
    }
}
