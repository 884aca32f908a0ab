package org.originbridge.logistics.adapter.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.originbridge.logistics.domain.IngestionMetrics;
import org.originbridge.logistics.domain.IngestionMetrics.Channel;
import org.originbridge.logistics.domain.IngestionMetrics.Outcome;
import org.originbridge.logistics.domain.PollPortFeed;
import org.originbridge.platform.resilience.PermanentExternalFailure;
import org.originbridge.platform.resilience.TransientExternalFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link PollPortFeed} every {@code originbridge.logistics.poll.interval}. A failed poll
 * moves no watermark, so the next run asks for the same events again: nothing is lost. Spring's task scheduler
 * runs it (docs/CONVENTIONS.md "One way each"); off with {@code originbridge.logistics.poll.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "originbridge.logistics.poll.enabled", havingValue = "true", matchIfMissing = true)
public class PortFeedPoller {

    private static final Logger log = LoggerFactory.getLogger(PortFeedPoller.class);

    private final PollPortFeed poll;
    private final IngestionMetrics metrics;
    private final Clock clock;

    public PortFeedPoller(PollPortFeed poll, IngestionMetrics metrics, Clock clock) {
        this.poll = poll;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${originbridge.logistics.poll.initial-delay}",
            fixedDelayString = "${originbridge.logistics.poll.interval}")
    public void run() {
        Instant start = clock.instant();
        try {
            int published = poll.pollOnce();
            if (published > 0) {
                log.info("port feed: published {} event(s)", published);
            }
        } catch (TransientExternalFailure | PermanentExternalFailure e) {
            metrics.ingest(Channel.DCSA_POLL, Outcome.FAILED, Duration.between(start, clock.instant()));
            log.warn("port feed poll failed, the watermark stays where it was: {}", e.getMessage());
        } catch (RuntimeException e) {
            metrics.ingest(Channel.DCSA_POLL, Outcome.FAILED, Duration.between(start, clock.instant()));
            log.error("port feed poll failed, the watermark stays where it was", e);
        }
    }
}
