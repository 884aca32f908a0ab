package org.originbridge.ccpit.adapter.scheduling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.originbridge.ccpit.domain.EcoIssuance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polling rounds on the configured schedule: one, and more at once while each claims a full batch (a backlog
 * is worked off at the authorities' pace, not at one batch per interval). A failing round (MongoDB or the broker down) is
 * logged and counted; the next round starts from the stored state, so nothing is lost.
 * Metrics: timer {@code originbridge.ccpit.polls}, counters {@code originbridge.ccpit.poll.checks}
 * tagged {@code result}: changed, unchanged, unavailable, error (a check failed) for the status checks,
 * resent and resend_error (a re-send failed) for stored changes re-sent; a failed round counts one error.
 */
public class IssuancePoller implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(IssuancePoller.class);

    private final EcoIssuance issuance;
    private final MeterRegistry meters;

    /** Rounds run back to back at most, while each claims a full batch (a backlog), before the next scheduled run. */
    static final int MAX_CONSECUTIVE_ROUNDS = 20;

    private final int batchSize;

    public IssuancePoller(EcoIssuance issuance, MeterRegistry meters, int batchSize) {
        this.issuance = issuance;
        this.meters = meters;
        this.batchSize = batchSize;
    }

    /** Polling rounds: another one at once while the last claimed a full batch (up to {@link #MAX_CONSECUTIVE_ROUNDS}). */
    @Override
    public void run() {
        for (int round = 0; round < MAX_CONSECUTIVE_ROUNDS; round++) {
            if (runOnce() < batchSize) {
                return;
            }
        }
    }

    /** One round; returns how many applications it checked (0 when the round failed). */
    int runOnce() {
        try {
            EcoIssuance.PollReport report = Timer.builder("originbridge.ccpit.polls")
                    .description("One round of CCPIT status checks").register(meters).record(issuance::pollDue);
            count("changed", report.changed());
            count("unchanged", report.unchanged());
            count("error", report.checkFailed());
            count("unavailable", report.unavailable());
            count("resent", report.resent());
            count("resend_error", report.resendFailed());
            if (report.unavailable() > 0) {
                log.warn("Issuing authority unavailable for {} of {} status checks; they are retried after the lease",
                        report.unavailable(), report.checked());
            }
            for (RuntimeException e : report.errors()) {
                log.error("Issuance status check or re-send failed; a stored change is re-sent after the grace period", e);
            }
            return report.checked();
        } catch (RuntimeException e) {
            count("error", 1);
            log.error("Issuance polling round failed; the next round resumes from the stored state", e);
            return 0;
        }
    }

    private void count(String result, int n) {
        if (n > 0) {
            Counter.builder("originbridge.ccpit.poll.checks").tag("result", result).register(meters).increment(n);
        }
    }
}
