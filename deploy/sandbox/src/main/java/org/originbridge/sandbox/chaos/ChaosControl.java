package org.originbridge.sandbox.chaos;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.originbridge.sandbox.SandboxProperties;
import org.springframework.stereotype.Component;

/** Holds the chaos settings and the rate-limit bucket that goes with them; changeable at run time. */
@Component
public class ChaosControl {

    private record State(ChaosSettings settings, Bucket bucket) {}

    private final AtomicReference<State> state = new AtomicReference<>();
    /** The next N party requests fail with {@link #failNextStatus}: deterministic failure sequences for tests. */
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile int failNextStatus = 503;

    public ChaosControl(SandboxProperties properties) {
        apply(new ChaosSettings(
                properties.latency().min(),
                properties.latency().max(),
                properties.failureRate(),
                properties.rateLimit().perSecond()));
    }

    public ChaosSettings settings() {
        return state.get().settings();
    }

    public ChaosSettings apply(ChaosSettings settings) {
        Bucket bucket = settings.rateLimited() ? bucketFor(settings.rateLimitPerSecond()) : null;
        state.set(new State(settings, bucket));
        return settings;
    }

    /** Makes the next {@code count} party requests fail with {@code status} (503, 429 or 500). */
    public void failNext(int count, int status) {
        if (count < 0) {
            throw new IllegalArgumentException("failNext must be >= 0");
        }
        if (status != 503 && status != 429 && status != 500) {
            throw new IllegalArgumentException("failNextStatus must be 503, 429 or 500");
        }
        failNextStatus = status;
        failNext.set(count);
    }

    public int failNextRemaining() {
        return failNext.get();
    }

    public int failNextStatus() {
        return failNextStatus;
    }

    /** The status to fail this request with, if one of the "fail next" requests is still due. */
    public Optional<Integer> takeFailNext() {
        int left = failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0);
        return left > 0 ? Optional.of(failNextStatus) : Optional.empty();
    }

    /** A latency drawn uniformly in the configured window. */
    public Duration nextLatency() {
        ChaosSettings s = settings();
        long min = s.latencyMin().toNanos();
        long max = s.latencyMax().toNanos();
        return Duration.ofNanos(max > min ? ThreadLocalRandom.current().nextLong(min, max + 1) : min);
    }

    public boolean drawFailure() {
        double rate = settings().failureRate();
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }

    /** Empty when the request may pass; otherwise how long the client should wait. */
    public Optional<Duration> tryAcquire() {
        Bucket bucket = state.get().bucket();
        if (bucket == null) {
            return Optional.empty();
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private static Bucket bucketFor(long perSecond) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build();
    }
}
