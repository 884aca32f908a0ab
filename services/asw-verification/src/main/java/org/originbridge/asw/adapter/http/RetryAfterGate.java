package org.originbridge.asw.adapter.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;

/**
 * Back-pressure towards one channel: after a 429 or 503 carrying {@code Retry-After}, every call to
 * that channel (all concurrent workers, not only the one refused) waits until the time the channel
 * named, capped at {@code maxWait}. Retry-After is seconds or an HTTP date (RFC 9110 10.2.3);
 * anything else is ignored (the caller's own backoff applies).
 */
public final class RetryAfterGate {

    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Clock clock;
    private final Duration maxWait;
    private final Sleeper sleeper;
    private volatile Instant notBefore = Instant.EPOCH;

    RetryAfterGate(Clock clock, Duration maxWait, Sleeper sleeper) {
        this.clock = clock;
        this.maxWait = maxWait;
        this.sleeper = sleeper;
    }

    /** The gate of a running service: the service's clock, real sleeps. */
    public static RetryAfterGate of(Clock clock, Duration maxWait) {
        return new RetryAfterGate(clock, maxWait, d -> TimeUnit.NANOSECONDS.sleep(d.toNanos()));
    }

    /** Holds calls back as the channel asked; returns the wait applied (zero when the header is absent or unreadable). */
    Duration retryAfter(String header) {
        Duration wait = parse(header, clock.instant());
        if (wait.isZero()) {
            return wait;
        }
        if (wait.compareTo(maxWait) > 0) {
            wait = maxWait;
        }
        Instant until = clock.instant().plus(wait);
        synchronized (this) {
            if (until.isAfter(notBefore)) {
                notBefore = until;
            }
        }
        return wait;
    }

    /** Waits until the channel accepts calls again (at once when it never refused). */
    void awaitClear() {
        Duration wait = Duration.between(clock.instant(), notBefore);
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Instant notBefore() {
        return notBefore;
    }

    static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank() || header.length() > 64) {
            return Duration.ZERO;
        }
        String h = header.trim();
        if (h.chars().allMatch(Character::isDigit)) {
            // a day at most (longer is read as a day: the gate's own cap applies after)
            return h.length() > 9 ? Duration.ofSeconds(86_400) : Duration.ofSeconds(Math.min(Long.parseLong(h), 86_400));
        }
        try {
            Duration d = Duration.between(now, ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException notADate) {
            return Duration.ZERO;
        }
    }
}
