package org.originbridge.sandbox.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that follows a base clock plus an offset which only ever grows. Tests build it on a
 * fixed instant and advance it; an end-to-end run may advance the running sandbox through
 * {@code POST /sandbox/clock/advance} instead of waiting for CCPIT or DCSA steps. Instants are
 * truncated to milliseconds, the precision of the events' timestamp-millis fields downstream.
 */
public final class SandboxClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    private SandboxClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    public static SandboxClock system() {
        return new SandboxClock(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO));
    }

    public static SandboxClock fixed(Instant at) {
        return new SandboxClock(Clock.fixed(at, ZoneOffset.UTC), new AtomicReference<>(Duration.ZERO));
    }

    /** Moves time forward; a negative amount is refused so that no rule sees time run backwards. */
    public Instant advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the sandbox clock only moves forward");
        }
        offset.accumulateAndGet(amount, Duration::plus);
        return instant();
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SandboxClock(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get()).truncatedTo(ChronoUnit.MILLIS);
    }
}
