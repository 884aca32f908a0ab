package org.originbridge.ccpit.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How applications are tracked.
 *
 * @param pollInterval        between two checks of an open application
 * @param issuedRecheck       between two checks of an ISSUED certificate for a revocation (zero: never)
 * @param lease               how long a claimed application is reserved for the instance polling it
 * @param resendGrace         a change unpublished for longer than this is re-sent by the poller
 * @param batchSize           applications per polling round
 * @param documentTypes       declaration document types that need an e-CO from CCPIT
 */
public record TrackingPolicy(Duration pollInterval, Duration issuedRecheck, Duration lease, Duration resendGrace,
        int batchSize, Set<String> documentTypes) {

    public TrackingPolicy {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(issuedRecheck, "issuedRecheck");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(resendGrace, "resendGrace");
        documentTypes = Set.copyOf(documentTypes);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1");
        }
    }
}
