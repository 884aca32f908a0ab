package org.originbridge.sandbox.ccpit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.originbridge.sandbox.asw.RcepParties;

/**
 * One application to the CCPIT origin platform; immutable, each change returns a new instance.
 * {@code fingerprint} identifies the submitted content, so that a reused Idempotency-Key with a
 * different body is refused rather than silently answered with another application. {@code content} is the
 * application as submitted (what the issued certificate document shows).
 */
public record Application(
        String applicationId,
        String applicantId,
        String declarationId,
        String coReferenceNumber,
        String exporterName,
        String importingCountry,
        List<String> hsCodes,
        String fingerprint,
        String serialNumber,
        String certificateNumber,
        String verificationCode,
        ApplicationStatus status,
        String reason,
        Instant submittedAt,
        Instant updatedAt,
        ApplicationRequest content) {

    /**
     * Applies every time-driven transition that is due at {@code now}: one per {@code step} after
     * the last change, each dated exactly when it became due (so reads are deterministic).
     */
    public Application advance(Instant now, Duration step) {
        Duration each = held() && step.compareTo(HOLD_STEP) < 0 ? HOLD_STEP : step;
        Application current = this;
        while (current.status.advancesWithTime() && !now.isBefore(current.updatedAt.plus(each))) {
            current = current.next(current.updatedAt.plus(each));
        }
        return current;
    }

    /**
     * Sandbox rule: an application whose {@code coReferenceNumber} contains {@code HOLD} moves on only
     * one {@link #HOLD_STEP} after its last change, so an end-to-end test can watch it pending and then
     * release it with {@code POST /sandbox/clock/advance}.
     */
    public static final Duration HOLD_STEP = Duration.ofHours(1);

    boolean held() {
        return coReferenceNumber.toUpperCase(Locale.ROOT).contains("HOLD");
    }

    private Application next(Instant at) {
        return switch (status) {
            case SUBMITTED -> moveTo(ApplicationStatus.UNDER_REVIEW, at, null);
            case UNDER_REVIEW -> {
                String rejection = rejectionReason();
                yield rejection == null ? moveTo(ApplicationStatus.ISSUED, at, null) : moveTo(ApplicationStatus.REJECTED, at, rejection);
            }
            default -> this;
        };
    }

    /** Sandbox rules for a rejection; null when the application is issued. */
    String rejectionReason() {
        if (coReferenceNumber.toUpperCase(Locale.ROOT).contains("REJECT")) {
            return "sandbox rule: coReferenceNumber " + coReferenceNumber + " contains REJECT";
        }
        if (!RcepParties.isParty(importingCountry) || "CN".equals(importingCountry)) {
            return "importing country " + importingCountry + " is not an RCEP Party other than China";
        }
        return null;
    }

    public Application revoke(Instant at, String why) {
        return moveTo(ApplicationStatus.REVOKED, at, why);
    }

    private Application moveTo(ApplicationStatus target, Instant at, String why) {
        if (!status.canMoveTo(target)) {
            throw new IllegalStateException("an application in status " + status + " cannot move to " + target);
        }
        return new Application(applicationId, applicantId, declarationId, coReferenceNumber, exporterName, importingCountry,
                hsCodes, fingerprint, serialNumber, certificateNumber, verificationCode, target, why, submittedAt, at, content);
    }

    /** Certificate number and verification code are shown only once issued (and still after revocation). */
    public boolean certificateVisible() {
        return status == ApplicationStatus.ISSUED || status == ApplicationStatus.REVOKED;
    }
}
