package org.originbridge.ccpit.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The tracked e-CO application of one declaration: its current status, the status before it, a
 * sequence (+1 per change, the version consumers use), the certificate details once issued, when
 * to check CCPIT next (null: no more checks) and the newest sequence confirmed published.
 */
public record EcoApplication(EcoRequest request, String applicationId, IssuanceStatus status,
        IssuanceStatus previousStatus, int sequence, String certificateNumber, String serialNumber, String queryUrl,
        String verificationCode, String reason, Instant changedAt, Instant nextCheckAt, int emittedSequence) {

    public EcoApplication {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** The first status: we are about to apply; checked again at {@code retryAt} if the submission does not happen. */
    public static EcoApplication requested(EcoRequest request, Instant now, Instant retryAt) {
        return new EcoApplication(request, null, IssuanceStatus.REQUESTED, null, 1, null, null, null, null, null, now,
                retryAt, 0);
    }

    public String declarationId() {
        return request.declarationId();
    }

    public String supplierId() {
        return request.supplierId();
    }

    /**
     * The next status as CCPIT reports it.
     *
     * @throws IssuanceLifecycle.IllegalTransitionException when the lifecycle forbids it
     */
    public EcoApplication changeTo(CcpitApplicationState state, Instant now, Instant nextCheck) {
        IssuanceLifecycle.check(status, state.status());
        return new EcoApplication(request, state.applicationId(), state.status(), status, sequence + 1,
                firstNonNull(state.certificateNumber(), certificateNumber), firstNonNull(state.serialNumber(), serialNumber),
                firstNonNull(state.queryUrl(), queryUrl), firstNonNull(state.verificationCode(), verificationCode),
                state.reason(), now, nextCheck, emittedSequence);
    }

    /** FAILED with the reason (only from REQUESTED: the application could not be made). */
    public EcoApplication fail(String why, Instant now) {
        IssuanceLifecycle.check(status, IssuanceStatus.FAILED);
        return new EcoApplication(request, applicationId, IssuanceStatus.FAILED, status, sequence + 1, certificateNumber,
                serialNumber, queryUrl, verificationCode, why, now, null, emittedSequence);
    }

    public EcoApplication rescheduled(Instant nextCheck) {
        return new EcoApplication(request, applicationId, status, previousStatus, sequence, certificateNumber,
                serialNumber, queryUrl, verificationCode, reason, changedAt, nextCheck, emittedSequence);
    }

    /** Stored but not yet confirmed published (the process stopped between the write and the send). */
    public boolean emissionPending() {
        return emittedSequence < sequence;
    }

    /** A QR code can be shown once a certificate exists. */
    public boolean hasCertificate() {
        return certificateNumber != null && (status == IssuanceStatus.ISSUED || status == IssuanceStatus.REVOKED);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
