package org.originbridge.ccpit.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The tracked e-CO application of one declaration: the issuing authority it goes to (null when the exporting Party
 * has none), its current status, the status before it, a sequence (+1 per change, the version consumers use), the
 * certificate details once issued (number, serial, query URL, the authority's verification code, the SHA-256 of the
 * retrieved certificate document), when to check the authority next (null: no more checks) and the newest sequence
 * confirmed published.
 */
public record EcoApplication(EcoRequest request, String authorityId, String applicationId, IssuanceStatus status,
        IssuanceStatus previousStatus, int sequence, String certificateNumber, String serialNumber, String queryUrl,
        String verificationCode, String documentSha256, String reason, Instant changedAt, Instant nextCheckAt,
        int emittedSequence) {

    public EcoApplication {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /**
     * The first status: we are about to apply to {@code authorityId} (null: none is configured for the exporting
     * Party); checked again at {@code retryAt} if the submission does not happen.
     */
    public static EcoApplication requested(EcoRequest request, String authorityId, Instant now, Instant retryAt) {
        return new EcoApplication(request, authorityId, null, IssuanceStatus.REQUESTED, null, 1, null, null, null, null,
                null, null, now, retryAt, 0);
    }

    public String declarationId() {
        return request.declarationId();
    }

    public String supplierId() {
        return request.supplierId();
    }

    /**
     * The next status as the authority reports it, with the SHA-256 of the certificate document when it was
     * retrieved with this change (null keeps the one known).
     *
     * @throws IssuanceLifecycle.IllegalTransitionException when the lifecycle forbids it
     */
    public EcoApplication changeTo(AuthorityApplicationState state, String documentSha256, Instant now, Instant nextCheck) {
        IssuanceLifecycle.check(status, state.status());
        return new EcoApplication(request, authorityId, state.applicationId(), state.status(), status, sequence + 1,
                firstNonNull(state.certificateNumber(), certificateNumber), firstNonNull(state.serialNumber(), serialNumber),
                firstNonNull(state.queryUrl(), queryUrl), firstNonNull(state.verificationCode(), verificationCode),
                firstNonNull(documentSha256, this.documentSha256), state.reason(), now, nextCheck, emittedSequence);
    }

    /** FAILED with the reason (only from REQUESTED: the application could not be made). */
    public EcoApplication fail(String why, Instant now) {
        IssuanceLifecycle.check(status, IssuanceStatus.FAILED);
        return new EcoApplication(request, authorityId, applicationId, IssuanceStatus.FAILED, status, sequence + 1,
                certificateNumber, serialNumber, queryUrl, verificationCode, documentSha256, why, now, null, emittedSequence);
    }

    public EcoApplication rescheduled(Instant nextCheck) {
        return new EcoApplication(request, authorityId, applicationId, status, previousStatus, sequence, certificateNumber,
                serialNumber, queryUrl, verificationCode, documentSha256, reason, changedAt, nextCheck, emittedSequence);
    }

    /** The same application with {@code emitted} as its newest published sequence. */
    public EcoApplication emitted(int emitted) {
        return new EcoApplication(request, authorityId, applicationId, status, previousStatus, sequence, certificateNumber,
                serialNumber, queryUrl, verificationCode, documentSha256, reason, changedAt, nextCheckAt, emitted);
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
