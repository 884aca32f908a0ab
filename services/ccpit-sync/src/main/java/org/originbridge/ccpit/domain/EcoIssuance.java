package org.originbridge.ccpit.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The use cases: request e-CO issuance for an accepted declaration under the exporter's own CCPIT
 * credentials, track the application until its outcome is known, publish every status change,
 * and hand out QR tokens for issued certificates.
 *
 * <p>Write, then send: each change is stored (sequence + 1, guarded by the previous sequence),
 * then published, then the published sequence is recorded. If the process stops in between, the
 * poller re-sends the stored change; a re-delivered declaration re-sends it too. Re-deliveries
 * never create a second application (one per declaration id, and CCPIT's Idempotency-Key is the
 * declaration id).
 */
public final class EcoIssuance {

    /** What handling one declaration or one check led to. */
    public enum Outcome {
        /** a new status was stored and published */
        CHANGED,
        /** CCPIT reports the status we already have */
        UNCHANGED,
        /** the application could not be made: FAILED published with the reason */
        FAILED,
        /** a re-delivered declaration whose application exists */
        ALREADY_KNOWN,
        /** the declaration needs no e-CO (e.g. an approved exporter's Declaration of Origin) */
        NOT_APPLICABLE,
        /** CCPIT reported a status the lifecycle forbids after ours: ignored */
        REFUSED_TRANSITION,
        /** someone else changed the application first: their change stands */
        STALE,
        /** CCPIT refused a status query (kept, checked again later) */
        CHECK_REFUSED
    }

    /**
     * What one polling round did. Re-sends and checks are counted apart: {@code checked} =
     * {@code changed + unchanged + unavailable + checkFailed}; {@code errors} holds the failures of both
     * ({@code resendFailed + checkFailed} of them).
     *
     * @param resent       stored changes re-sent
     * @param resendFailed stored changes whose re-send failed (kept pending)
     * @param checked      applications checked (or resubmitted)
     * @param changed      checks that stored a new status (FAILED included)
     * @param unchanged    checks that changed nothing (same status, refused transition or check, stale)
     * @param unavailable  checks that found CCPIT unavailable
     * @param checkFailed  checks that failed otherwise (e.g. publishing the change)
     * @param errors       the failures of re-sends and checks
     */
    public record PollReport(int resent, int resendFailed, int checked, int changed, int unchanged, int unavailable,
            int checkFailed, List<RuntimeException> errors) {
    }

    /** The declaration has no certificate (yet) to show a QR code for. */
    public static final class NoCertificate extends RuntimeException {
        private final boolean unknownDeclaration;

        public NoCertificate(String message, boolean unknownDeclaration) {
            super(message);
            this.unknownDeclaration = unknownDeclaration;
        }

        /** true: no application at all for the declaration; false: not issued (yet). */
        public boolean unknownDeclaration() {
            return unknownDeclaration;
        }
    }

    private final EcoApplications store;
    private final CcpitClient ccpit;
    private final ApplicantCredentials credentials;
    private final StatusPublisher publisher;
    private final QrTokens qrTokens;
    private final TrackingPolicy policy;
    private final IssuanceMetrics metrics;
    private final Clock clock;

    public EcoIssuance(EcoApplications store, CcpitClient ccpit, ApplicantCredentials credentials,
            StatusPublisher publisher, QrTokens qrTokens, TrackingPolicy policy, Clock clock) {
        this(store, ccpit, credentials, publisher, qrTokens, policy, IssuanceMetrics.NONE, clock);
    }

    public EcoIssuance(EcoApplications store, CcpitClient ccpit, ApplicantCredentials credentials,
            StatusPublisher publisher, QrTokens qrTokens, TrackingPolicy policy, IssuanceMetrics metrics, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.ccpit = Objects.requireNonNull(ccpit);
        this.credentials = Objects.requireNonNull(credentials);
        this.publisher = Objects.requireNonNull(publisher);
        this.qrTokens = Objects.requireNonNull(qrTokens);
        this.policy = Objects.requireNonNull(policy);
        this.metrics = Objects.requireNonNull(metrics);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * An accepted declaration: record REQUESTED, then submit under the supplier's own credentials.
     * Timed and its outcome counted through {@link IssuanceMetrics}.
     *
     * @throws CcpitClient.Unavailable when CCPIT stays unavailable through the retries (the record
     *         is retried; the stored REQUESTED application is also resubmitted by the poller)
     */
    public Outcome request(EcoRequest request) {
        Outcome outcome = metrics.timeRequest(() -> handle(request));
        metrics.requestOutcome(outcome);
        return outcome;
    }

    private Outcome handle(EcoRequest request) {
        if (!policy.documentTypes().contains(request.documentType())) {
            return Outcome.NOT_APPLICABLE;
        }
        Optional<EcoApplication> existing = store.find(request.declarationId());
        if (existing.isPresent()) {
            return continueExisting(existing.get());
        }
        Instant now = clock.instant();
        EcoApplication requested = EcoApplication.requested(request, now, now.plus(policy.lease()));
        if (!store.insert(requested)) {
            return store.find(request.declarationId()).map(this::continueExisting).orElse(Outcome.STALE);
        }
        publish(requested);
        return submit(requested);
    }

    /** One polling round: re-send stuck changes, then check every application that is due. */
    public PollReport pollDue() {
        Instant now = clock.instant();
        List<RuntimeException> errors = new ArrayList<>();
        int resent = 0;
        int resendFailed = 0;
        for (EcoApplication pending : store.pendingEmissions(now.minus(policy.resendGrace()), policy.batchSize())) {
            try {
                publish(pending);
                resent++;
            } catch (RuntimeException e) {
                resendFailed++;
                errors.add(e);
            }
        }
        int checked = 0;
        int changed = 0;
        int unchanged = 0;
        int unavailable = 0;
        int checkFailed = 0;
        for (EcoApplication due : store.claimDue(now, now.plus(policy.lease()), policy.batchSize())) {
            checked++;
            try {
                Outcome outcome = due.status() == IssuanceStatus.REQUESTED ? submit(due) : check(due);
                if (outcome == Outcome.CHANGED || outcome == Outcome.FAILED) {
                    changed++;
                } else {
                    unchanged++;
                }
            } catch (CcpitClient.Unavailable e) {
                unavailable++; // the lease expires and the application is checked again
            } catch (RuntimeException e) {
                checkFailed++;
                errors.add(e); // e.g. the broker: a stored change stays pending and is re-sent after the grace
            }
        }
        return new PollReport(resent, resendFailed, checked, changed, unchanged, unavailable, checkFailed,
                List.copyOf(errors));
    }

    /** A fresh QR token for an issued (or revoked) certificate. */
    public QrTokens.QrToken qrToken(String declarationId) {
        EcoApplication application = store.find(declarationId)
                .orElseThrow(() -> new NoCertificate("no e-CO application for declaration " + declarationId, true));
        if (!application.hasCertificate()) {
            throw new NoCertificate("declaration " + declarationId + " has no certificate yet (status "
                    + application.status() + ")", false);
        }
        return qrTokens.issue(application);
    }

    public Optional<EcoApplication> find(String declarationId) {
        return store.find(declarationId);
    }

    // ------------------------------------------------------------------ steps

    private Outcome continueExisting(EcoApplication application) {
        if (application.emissionPending()) {
            publish(application);
        }
        return application.status() == IssuanceStatus.REQUESTED ? submit(application) : Outcome.ALREADY_KNOWN;
    }

    private Outcome submit(EcoApplication application) {
        List<String> missing = application.request().missingFields();
        if (!missing.isEmpty()) {
            return fail(application, "the accepted declaration lacks what CCPIT requires: " + String.join(", ", missing));
        }
        Optional<ApplicantCredential> credential = credentials.forSupplier(application.supplierId());
        if (credential.isEmpty()) {
            return fail(application, "no CCPIT applicant credentials for supplier " + application.supplierId()
                    + ": GACC accepts CO messages only from the applicant itself (configure CCPIT_OAUTH_CLIENTS or CCPIT_APPLICANT_TOKENS)");
        }
        CcpitApplicationState state;
        try {
            state = ccpit.submit(credential.get(), application.request());
        } catch (CcpitClient.Refused e) {
            return fail(application, "CCPIT refused the application: " + e.getMessage());
        }
        return apply(application, state);
    }

    private Outcome check(EcoApplication application) {
        Optional<ApplicantCredential> credential = credentials.forSupplier(application.supplierId());
        if (credential.isEmpty() || application.applicationId() == null) {
            store.reschedule(application.declarationId(), application.sequence(), nextCheck(application.status()));
            return Outcome.CHECK_REFUSED;
        }
        try {
            return apply(application, ccpit.fetch(credential.get(), application.applicationId()));
        } catch (CcpitClient.Refused e) {
            store.reschedule(application.declarationId(), application.sequence(), nextCheck(application.status()));
            return Outcome.CHECK_REFUSED;
        }
    }

    private Outcome apply(EcoApplication application, CcpitApplicationState state) {
        if (state.status() == application.status()) {
            store.reschedule(application.declarationId(), application.sequence(), nextCheck(application.status()));
            return Outcome.UNCHANGED;
        }
        if (!IssuanceLifecycle.allows(application.status(), state.status())) {
            store.reschedule(application.declarationId(), application.sequence(), nextCheck(application.status()));
            return Outcome.REFUSED_TRANSITION;
        }
        Instant now = clock.instant();
        EcoApplication next = application.changeTo(state, now, nextCheck(state.status()));
        if (!store.update(next, application.sequence())) {
            return Outcome.STALE;
        }
        publish(next);
        return Outcome.CHANGED;
    }

    private Outcome fail(EcoApplication application, String why) {
        EcoApplication failed = application.fail(why, clock.instant());
        if (!store.update(failed, application.sequence())) {
            return Outcome.STALE;
        }
        publish(failed);
        return Outcome.FAILED;
    }

    private void publish(EcoApplication application) {
        String token = application.status() == IssuanceStatus.ISSUED && application.hasCertificate()
                ? qrTokens.issue(application).token() : null;
        publisher.publish(application, token);
        store.markEmitted(application.declarationId(), application.sequence());
    }

    /** When to look again: soon while open, slowly for a revocation once issued, never when terminal. */
    private Instant nextCheck(IssuanceStatus status) {
        Instant now = clock.instant();
        if (IssuanceLifecycle.isTerminal(status)) {
            return null;
        }
        if (status == IssuanceStatus.ISSUED) {
            return policy.issuedRecheck().isZero() ? null : now.plus(policy.issuedRecheck());
        }
        return now.plus(policy.pollInterval());
    }
}
