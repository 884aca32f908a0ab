package org.originbridge.ccpit.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The use cases: request e-CO issuance for an accepted declaration at its exporting Party's issuing authority
 * (routed by {@link IssuingAuthorities}: CCPIT for China, MOIT for Viet Nam, ...) under the exporter's own
 * credentials there, track the application until its outcome is known (polling, or at once when the authority
 * notifies us), retrieve the issued certificate's document, publish every status change, and hand out QR tokens for
 * issued certificates.
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
        /** the authority reports the status we already have */
        UNCHANGED,
        /** the application could not be made: FAILED published with the reason */
        FAILED,
        /** a re-delivered declaration whose application exists */
        ALREADY_KNOWN,
        /** the declaration needs no e-CO (e.g. an approved exporter's Declaration of Origin) */
        NOT_APPLICABLE,
        /** the authority reported a status the lifecycle forbids after ours: ignored */
        REFUSED_TRANSITION,
        /** someone else changed the application first: their change stands */
        STALE,
        /** the authority refused a status query or the document (kept, checked again later) */
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
    private final IssuingAuthorities authorities;
    private final CertificateDocuments documents;
    private final StatusPublisher publisher;
    private final QrTokens qrTokens;
    private final TrackingPolicy policy;
    private final IssuanceMetrics metrics;
    private final Clock clock;
    private final Executor checks;

    /** Checks of a polling round run one after the other on the polling thread (tests). */
    public EcoIssuance(EcoApplications store, IssuingAuthorities authorities, CertificateDocuments documents,
            StatusPublisher publisher, QrTokens qrTokens, TrackingPolicy policy, Clock clock) {
        this(store, authorities, documents, publisher, qrTokens, policy, IssuanceMetrics.NONE, clock, Runnable::run);
    }

    /**
     * @param checks runs the status checks of one polling round: a bounded pool runs them concurrently (each
     *               application is claimed by one round at a time, so its own checks stay in order)
     */
    public EcoIssuance(EcoApplications store, IssuingAuthorities authorities, CertificateDocuments documents,
            StatusPublisher publisher, QrTokens qrTokens, TrackingPolicy policy, IssuanceMetrics metrics, Clock clock,
            Executor checks) {
        this.store = Objects.requireNonNull(store);
        this.authorities = Objects.requireNonNull(authorities);
        this.documents = Objects.requireNonNull(documents);
        this.publisher = Objects.requireNonNull(publisher);
        this.qrTokens = Objects.requireNonNull(qrTokens);
        this.policy = Objects.requireNonNull(policy);
        this.metrics = Objects.requireNonNull(metrics);
        this.clock = Objects.requireNonNull(clock);
        this.checks = Objects.requireNonNull(checks);
    }

    /**
     * An accepted declaration: record REQUESTED (with the authority of its exporting Party), then submit under the
     * supplier's own credentials there. Timed and its outcome counted through {@link IssuanceMetrics}.
     *
     * @throws IssuingAuthorityClient.Unavailable when the authority stays unavailable through the retries (the
     *         record is retried; the stored REQUESTED application is also resubmitted by the poller)
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
        String authorityId = authorities.forParty(request.exportingParty()).map(IssuingAuthority::id).orElse(null);
        EcoApplication requested = EcoApplication.requested(request, authorityId, now, now.plus(policy.lease()));
        if (!store.insert(requested)) {
            return store.find(request.declarationId()).map(this::continueExisting).orElse(Outcome.STALE);
        }
        publish(requested);
        return submit(requested);
    }

    /**
     * The authority told us (a verified callback) that an application changed: check it now instead of waiting
     * for the poll. The notification only triggers the check; the status is what the authority answers.
     *
     * @param authorityId the authority that notified (verified): another authority's application is left alone
     * @return UNCHANGED when the declaration is unknown, not filed with that authority, not yet filed or final
     */
    public Outcome refresh(String declarationId, String authorityId) {
        Optional<EcoApplication> application = store.find(declarationId);
        if (application.isEmpty() || application.get().applicationId() == null
                || !Objects.equals(application.get().authorityId(), authorityId)
                || IssuanceLifecycle.isTerminal(application.get().status())) {
            return Outcome.UNCHANGED;
        }
        return check(application.get());
    }

    /**
     * One polling round: re-send stuck changes, then check every application that is due, the checks running
     * concurrently on the {@code checks} executor.
     */
    public PollReport pollDue() {
        Instant now = clock.instant();
        List<RuntimeException> errors = Collections.synchronizedList(new ArrayList<>());
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
        List<EcoApplication> due = store.claimDue(now, now.plus(policy.lease()), policy.batchSize());
        AtomicInteger changed = new AtomicInteger();
        AtomicInteger unchanged = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicInteger checkFailed = new AtomicInteger();
        List<CompletableFuture<Void>> running = new ArrayList<>(due.size());
        for (EcoApplication application : due) {
            running.add(CompletableFuture.runAsync(() -> {
                try {
                    Outcome outcome = application.status() == IssuanceStatus.REQUESTED ? submit(application) : check(application);
                    (outcome == Outcome.CHANGED || outcome == Outcome.FAILED ? changed : unchanged).incrementAndGet();
                } catch (IssuingAuthorityClient.Unavailable e) {
                    unavailable.incrementAndGet(); // the lease expires and the application is checked again
                } catch (RuntimeException e) {
                    checkFailed.incrementAndGet();
                    errors.add(e); // e.g. the broker: a stored change stays pending and is re-sent after the grace
                }
            }, checks));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        return new PollReport(resent, resendFailed, due.size(), changed.get(), unchanged.get(), unavailable.get(),
                checkFailed.get(), List.copyOf(errors));
    }

    /** The retrieved certificate document of an issued (or revoked) certificate. */
    public Optional<CertificateDocument> document(String declarationId) {
        return documents.find(declarationId);
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
        Optional<IssuingAuthority> authority = authorities.byId(application.authorityId());
        if (authority.isEmpty()) {
            String party = application.request().exportingParty();
            return fail(application, "no issuing authority configured for " + (party == null || party.isBlank()
                    ? "an unknown exporting Party (exporter.country missing)" : party)
                    + (application.authorityId() == null ? "" : " (" + application.authorityId() + " is not configured)"));
        }
        List<String> missing = application.request().missingFields();
        if (!missing.isEmpty()) {
            return fail(application, "the accepted declaration lacks what " + authority.get().id() + " requires: "
                    + String.join(", ", missing));
        }
        Optional<ApplicantCredential> credential = authority.get().credentials().forSupplier(application.supplierId());
        if (credential.isEmpty()) {
            return fail(application, "no " + authority.get().id() + " applicant credentials for supplier "
                    + application.supplierId() + ": " + authority.get().credentialsHint());
        }
        AuthorityApplicationState state;
        try {
            state = authority.get().client().submit(credential.get(), application.request());
            if (state.status() != IssuanceStatus.SUBMITTED && state.applicationId() != null) {
                // A re-submission (retry, redelivery, the poller) is answered idempotently with the application's
                // id and its status now, which may be past SUBMITTED (ISSUED after the authority's review) but
                // carries none of its details (certificate number, verification code, reason): read them first,
                // or ISSUED would be published without its certificate number.
                state = authority.get().client().fetch(credential.get(), state.applicationId());
            }
        } catch (IssuingAuthorityClient.Refused e) {
            return fail(application, authority.get().id() + " refused the application: " + e.getMessage());
        }
        return apply(application, authority.get(), credential.get(), state);
    }

    private Outcome check(EcoApplication application) {
        Optional<IssuingAuthority> authority = authorities.byId(application.authorityId());
        Optional<ApplicantCredential> credential = authority.flatMap(a -> a.credentials().forSupplier(application.supplierId()));
        if (credential.isEmpty() || application.applicationId() == null) {
            store.reschedule(application.declarationId(), application.sequence(), nextCheck(application.status()));
            return Outcome.CHECK_REFUSED;
        }
        try {
            return apply(application, authority.get(), credential.get(),
                    authority.get().client().fetch(credential.get(), application.applicationId()));
        } catch (IssuingAuthorityClient.Refused e) {
            store.reschedule(application.declarationId(), application.sequence(), nextCheck(application.status()));
            return Outcome.CHECK_REFUSED;
        }
    }

    private Outcome apply(EcoApplication application, IssuingAuthority authority, ApplicantCredential credential,
            AuthorityApplicationState state) {
        if (state.status() == application.status()) {
            store.reschedule(application.declarationId(), application.sequence(), nextCheck(application.status()));
            return Outcome.UNCHANGED;
        }
        if (!IssuanceLifecycle.allows(application.status(), state.status())) {
            store.reschedule(application.declarationId(), application.sequence(), nextCheck(application.status()));
            return Outcome.REFUSED_TRANSITION;
        }
        String documentSha256 = null;
        if (state.status() == IssuanceStatus.ISSUED) {
            // ISSUED is stored (and published) only with its document: consumers rely on documentSha256. An
            // unavailable authority throws (retried); a refused document keeps the previous status, checked again.
            CertificateDocument document;
            try {
                document = authority.client().document(credential, state.applicationId());
            } catch (IssuingAuthorityClient.Refused e) {
                store.reschedule(application.declarationId(), application.sequence(), nextCheck(application.status()));
                return Outcome.CHECK_REFUSED;
            }
            documents.store(application.declarationId(), document);
            documentSha256 = document.sha256();
        }
        Instant now = clock.instant();
        EcoApplication next = application.changeTo(state, documentSha256, now, nextCheck(state.status()));
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

    /** When to look again: soon while open, every {@code issuedRecheck} for a revocation once issued, never when terminal. */
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
