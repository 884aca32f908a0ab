package org.originbridge.logistics.domain;

import java.time.Duration;

/** Port: counts events per channel and outcome and times each ingest. */
public interface IngestionMetrics {

    /** Where events came in. */
    enum Channel {
        DCSA_API("dcsa-api"), DCSA_CALLBACK("dcsa-callback"), DCSA_POLL("dcsa-poll"), EDIFACT("edifact");

        private final String tag;

        Channel(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    /** What became of them. */
    enum Outcome {
        ACCEPTED, REJECTED, UNAUTHORIZED, FAILED;

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code events} events (or messages, when none could be read) of one ingest ended with {@code outcome}. */
    void events(Channel channel, Outcome outcome, int events);

    /** One ingest (a request, a callback, a poll) took {@code elapsed}. */
    void ingest(Channel channel, Outcome outcome, Duration elapsed);

    IngestionMetrics NONE = new IngestionMetrics() {
        @Override
        public void events(Channel channel, Outcome outcome, int events) {
        }

        @Override
        public void ingest(Channel channel, Outcome outcome, Duration elapsed) {
        }
    };
}
