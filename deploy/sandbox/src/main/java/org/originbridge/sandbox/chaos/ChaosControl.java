package org.originbridge.sandbox.chaos;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.originbridge.sandbox.SandboxProperties;
import org.springframework.stereotype.Component;

/** Holds the chaos settings and the rate-limit bucket that goes with them; changeable at run time. */
@Component
public class ChaosControl {

    private record State(ChaosSettings settings, Bucket bucket) {}

    private final AtomicReference<State> state = new AtomicReference<>();

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
