package org.originbridge.status.domain;

import java.time.Instant;

/**
 * A record about the declaration could never be processed and was dead-lettered by {@code service}
 * (fact {@code DeclarationProcessingFailed}). The status shows it, as {@code status: FAILED} with the
 * reason, until a later fact about the same declaration supersedes it.
 *
 * <p>Rule: the failure is current while no intake outcome, verification or issuance change of the
 * declaration is later than {@code failedAt}. A later success (a re-submission, or the dead letter
 * replayed after the cause was fixed) therefore clears it; an older fact read late does not.
 */
public record ProcessingFailure(String status, String service, String sourceTopic, String reason, Instant failedAt) {

    public static final String FAILED = "FAILED";

    public static ProcessingFailure of(String service, String sourceTopic, String reason, Instant failedAt) {
        return new ProcessingFailure(FAILED, service, sourceTopic, reason, failedAt);
    }

    /** True when a fact of the declaration is later than this failure. */
    public boolean supersededBy(DeclarationProjection p) {
        return later(p.intake() == null ? null : p.intake().at())
                || later(p.verification() == null ? null : p.verification().verifiedAt())
                || later(p.issuance() == null ? null : p.issuance().changedAt());
    }

    private boolean later(Instant at) {
        return at != null && failedAt != null && at.isAfter(failedAt);
    }
}
