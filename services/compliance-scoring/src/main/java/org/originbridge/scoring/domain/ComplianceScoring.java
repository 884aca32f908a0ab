package org.originbridge.scoring.domain;

import org.originbridge.platform.errors.RetryLater;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * The use cases: record one fact about a declaration, add its effect to the supplier's bounded
 * counters, rescore, and publish the score when the score, band or factors changed. Every step
 * costs the same whatever the supplier's history (issue 11): one small declaration record and one
 * bounded supplier record are read and written per fact; nothing grows with the history.
 *
 * <p>Exactly once without transactions, in three guarded writes:
 * <ol>
 * <li>the declaration's new evidence is stored with the change pending ({@code previous} evidence,
 *     a token, the supplier revision it is to be applied at); a fact that changes nothing stops here
 *     (a redelivery);</li>
 * <li>the supplier's counters + (new - previous), the new score and the token of this revision are
 *     written, guarded by the supplier's revision;</li>
 * <li>the pending change is cleared, then the score is sent and the sent version recorded.</li>
 * </ol>
 * A declaration record found with a change pending (a crash, or another thread in the middle) is
 * settled first: the supplier record keeps the token of each of its last
 * {@link SupplierRecord#APPLIED_KEPT} revisions, so whether the change is counted is known exactly;
 * beyond that window (or after a recount) the supplier's counters are recounted from its
 * declaration records (rare, and the only step whose cost grows with the history).
 * If the process stops between the supplier write and the send, the stored emitted version lags
 * and the next fact about the supplier (a redelivery of the same record included) sends it.
 *
 * <p>Each use case is timed and its outcome counted through {@link ScoringMetrics}, tagged with the
 * kind of fact.
 */
public final class ComplianceScoring {

    /** What recording one fact led to. */
    public enum Outcome {
        /** a new score version was stored and sent */
        EMITTED,
        /** evidence recorded (or already known); score, band and factors unchanged */
        UNCHANGED,
        /** nothing changed, but a previously stored version had not been sent yet: sent now */
        RESENT,
        /** a port event whose consignment is not known yet: kept until its declaration arrives */
        PARKED,
        /** history replayed by a rebuild (logged before {@code replayBefore}): counted, nothing published */
        REPLAYED
    }

    private static final int MAX_ATTEMPTS = 20;

    /** Writes of one supplier's record are serialised in this instance (striped by supplier id: bounded). */
    private final ReentrantLock[] supplierLocks = java.util.stream.IntStream.range(0, 64)
            .mapToObj(i -> new ReentrantLock()).toArray(ReentrantLock[]::new);

    /** Sends of one supplier's scores are serialised (striped by supplier id: bounded, whatever the suppliers). */
    private final ReentrantLock[] sendLocks = java.util.stream.IntStream.range(0, 64)
            .mapToObj(i -> new ReentrantLock()).toArray(ReentrantLock[]::new);

    private final SupplierRecords records;
    private final DeclarationLedger ledger;
    private final ConsignmentDirectory directory;
    private final ScorePublisher publisher;
    private final ScoringModel model;
    private final ScoringMetrics metrics;
    private final PublishedScores published;
    private final Instant replayBefore;

    public ComplianceScoring(SupplierRecords records, DeclarationLedger ledger, ConsignmentDirectory directory,
            ScorePublisher publisher, ScoringModel model) {
        this(records, ledger, directory, publisher, model, ScoringMetrics.NONE);
    }

    public ComplianceScoring(SupplierRecords records, DeclarationLedger ledger, ConsignmentDirectory directory,
            ScorePublisher publisher, ScoringModel model, ScoringMetrics metrics) {
        this(records, ledger, directory, publisher, model, metrics, PublishedScores.NONE, null);
    }

    /**
     * @param published    the scores already on the topic: where a rebuilt supplier's versions continue from
     * @param replayBefore facts logged before this instant are history replayed by a rebuild
     *                     ({@code bin/originbridge rebuild compliance-scoring}): they are counted but publish
     *                     nothing; null = no rebuild
     */
    public ComplianceScoring(SupplierRecords records, DeclarationLedger ledger, ConsignmentDirectory directory,
            ScorePublisher publisher, ScoringModel model, ScoringMetrics metrics, PublishedScores published,
            Instant replayBefore) {
        this.published = Objects.requireNonNull(published);
        this.replayBefore = replayBefore;
        this.records = Objects.requireNonNull(records);
        this.ledger = Objects.requireNonNull(ledger);
        this.directory = Objects.requireNonNull(directory);
        this.publisher = Objects.requireNonNull(publisher);
        this.model = Objects.requireNonNull(model);
        this.metrics = Objects.requireNonNull(metrics);
    }

    /** An accepted declaration: intake evidence, its consignment references and any port events already seen. */
    public Outcome declarationAccepted(Consignment consignment) {
        return declarationAccepted(consignment, null);
    }

    /** @param loggedAt when the fact was logged (the record's timestamp); null = now */
    public Outcome declarationAccepted(Consignment consignment, Instant loggedAt) {
        return metrics.measure("declaration-accepted", () -> accepted(consignment, replayed(loggedAt)));
    }

    public Outcome declarationRejected(String supplierId, IntakeOutcome outcome) {
        return declarationRejected(supplierId, outcome, null);
    }

    public Outcome declarationRejected(String supplierId, IntakeOutcome outcome, Instant loggedAt) {
        return metrics.measure("declaration-rejected", () -> record(supplierId, outcome.declarationId(),
                evidence -> evidence.withIntake(outcome), replayed(loggedAt)));
    }

    public Outcome verificationCompleted(String supplierId, AswOutcome outcome) {
        return verificationCompleted(supplierId, outcome, null);
    }

    public Outcome verificationCompleted(String supplierId, AswOutcome outcome, Instant loggedAt) {
        return metrics.measure("asw-verification", () -> record(supplierId, outcome.declarationId(),
                evidence -> evidence.withAsw(outcome), replayed(loggedAt)));
    }

    public Outcome issuanceChanged(String supplierId, IssuanceOutcome outcome) {
        return issuanceChanged(supplierId, outcome, null);
    }

    public Outcome issuanceChanged(String supplierId, IssuanceOutcome outcome, Instant loggedAt) {
        return metrics.measure("eco-issuance", () -> record(supplierId, outcome.declarationId(),
                evidence -> evidence.withIssuance(outcome), replayed(loggedAt)));
    }

    /** A declaration's consistency report (declaration vs issued e-CO vs voyage): the newest report wins. */
    public Outcome consistencyChecked(String supplierId, ConsistencyOutcome outcome, Instant loggedAt) {
        return metrics.measure("declaration-consistency", () -> record(supplierId, outcome.declarationId(),
                evidence -> evidence.withConsistency(outcome), replayed(loggedAt)));
    }

    /** A port event: attributed through its consignment references, or kept until the declaration arrives. */
    public Outcome logisticsEvent(LogisticsObservation observation) {
        return logisticsEvent(observation, null);
    }

    public Outcome logisticsEvent(LogisticsObservation observation, Instant loggedAt) {
        return metrics.measure("logistics-node-event", () -> logistics(observation, replayed(loggedAt)));
    }

    /** History replayed by a rebuild: logged before the rebuild started. */
    private boolean replayed(Instant loggedAt) {
        return replayBefore != null && loggedAt != null && loggedAt.isBefore(replayBefore);
    }

    public Optional<SupplierRecord> current(String supplierId) {
        return records.find(supplierId);
    }

    /** The declaration's stored evidence (for the API and tests). */
    public Optional<DeclarationEvidence> declaration(String declarationId) {
        return ledger.find(declarationId).map(DeclarationRecord::evidence);
    }

    private Outcome accepted(Consignment consignment, boolean replay) {
        directory.register(consignment);
        List<NodeEvent> earlier = directory.eventsFor(consignment).stream()
                .filter(o -> directory.resolve(o).map(c -> c.declarationId().equals(consignment.declarationId()))
                        .orElse(false))
                .map(LogisticsObservation::event)
                .toList();
        IntakeOutcome outcome = new IntakeOutcome(consignment.declarationId(), true, consignment.acceptedAt());
        return record(consignment.supplierId(), consignment.declarationId(), evidence -> {
            DeclarationEvidence next = evidence.withIntake(outcome);
            return earlier.isEmpty() ? next
                    : next.withNodeEvents(consignment.portOfLoading(), consignment.portOfDischarge(), earlier);
        }, replay);
    }

    private Outcome logistics(LogisticsObservation observation, boolean replay) {
        directory.remember(observation);
        Optional<Consignment> consignment = directory.resolve(observation);
        if (consignment.isEmpty()) {
            return Outcome.PARKED;
        }
        Consignment c = consignment.get();
        return record(c.supplierId(), c.declarationId(), evidence -> evidence.withNodeEvents(c.portOfLoading(),
                c.portOfDischarge(), List.of(observation.event())), replay);
    }

    /** Steps 1-3 of the class comment for one fact about one declaration. */
    private Outcome record(String supplierId, String declarationId, UnaryOperator<DeclarationEvidence> change,
            boolean replay) {
        Outcome outcome = change(supplierId, declarationId, change, replay);
        return replay && outcome != Outcome.PARKED ? Outcome.REPLAYED : outcome;
    }

    private Outcome change(String supplierId, String declarationId, UnaryOperator<DeclarationEvidence> change,
            boolean replay) {
        Outcome settled = Outcome.UNCHANGED;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            DeclarationRecord current = ledger.find(declarationId)
                    .orElseGet(() -> DeclarationRecord.empty(declarationId, supplierId));
            if (current.pending() != null) {
                // a crash or a concurrent writer left a change half-applied: finish it first
                settled = stronger(settled, settle(current, replay));
                continue;
            }
            DeclarationEvidence evidence = change.apply(current.evidence());
            if (evidence.equals(current.evidence())) {
                // a redelivery: counted already; only a score stored but not yet sent may be left to do
                boolean resent = !replay && records.find(current.supplierId()).map(this::sendPending).orElse(false);
                return stronger(settled, resent ? Outcome.RESENT : Outcome.UNCHANGED);
            }
            long target = records.find(current.supplierId()).map(SupplierRecord::revision).orElse(0L) + 1;
            DeclarationRecord next = new DeclarationRecord(declarationId, current.supplierId(), current.version() + 1,
                    evidence, new DeclarationRecord.PendingChange(declarationId + "#" + (current.version() + 1),
                            current.evidence(), target));
            if (!ledger.save(next, current.version())) {
                continue; // another fact about this declaration came first: start again from its state
            }
            return stronger(settled, settle(next, replay));
        }
        throw new RetryLater("declaration " + declarationId + " of supplier " + supplierId + " kept changing under "
                + MAX_ATTEMPTS + " attempts; the record will be retried", null);
    }

    private static Outcome stronger(Outcome a, Outcome b) {
        return a == Outcome.EMITTED || b == Outcome.EMITTED ? Outcome.EMITTED
                : a == Outcome.RESENT || b == Outcome.RESENT ? Outcome.RESENT : Outcome.UNCHANGED;
    }

    /**
     * Makes sure the declaration's pending change is counted exactly once in its supplier's record,
     * then clears it and sends the newest score if it has not been sent.
     *
     * @return EMITTED when this call stored a new score version, RESENT when it only sent one stored
     *         earlier, else UNCHANGED
     */
    private Outcome settle(DeclarationRecord declaration, boolean replay) {
        Counted counted;
        // One writer of a supplier's record at a time in this instance: concurrent facts about one busy supplier
        // otherwise lose the revision guard to each other and pay a re-read and a moved target per loss (issue 11).
        // The guard still orders writers of other instances.
        ReentrantLock lock = supplierLocks[Math.floorMod(declaration.supplierId().hashCode(), supplierLocks.length)];
        lock.lock();
        try {
            counted = count(declaration, replay);
        } finally {
            lock.unlock();
        }
        if (counted.d() == null) {
            return counted.newScore() ? Outcome.EMITTED : Outcome.UNCHANGED; // someone else settled it
        }
        DeclarationRecord d = counted.d();
        boolean newScore = counted.newScore();
        clearPending(d);
        // a rebuilt supplier's first stored score may be the published one it continues from: sent already
        records.find(d.supplierId()).filter(SupplierRecord::emissionPending)
                .filter(r -> published.latest(r.supplierId()).map(r.latest()::equals).orElse(false))
                .ifPresent(r -> records.markEmitted(r.supplierId(), r.latest().version()));
        if (replay) {
            return Outcome.UNCHANGED;
        }
        boolean sent = records.find(d.supplierId()).map(this::sendPending).orElse(false);
        return newScore ? Outcome.EMITTED : sent ? Outcome.RESENT : Outcome.UNCHANGED;
    }

    /** The declaration whose change is now counted (null: settled by someone else), and whether a new score was stored. */
    private record Counted(DeclarationRecord d, boolean newScore) {}

    /** Counts the declaration's pending change in its supplier's record exactly once (under the supplier's lock). */
    private Counted count(DeclarationRecord declaration, boolean replay) {
        DeclarationRecord d = declaration;
        boolean newScore = false;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            DeclarationRecord.PendingChange pending = d.pending();
            String supplierId = d.supplierId();
            SupplierRecord s = records.find(supplierId).orElseGet(() -> SupplierRecord.empty(supplierId));
            long target = pending.targetRevision();
            String tokenAtTarget = s.applied().get(target);
            if (target <= s.recountedAt() || (s.revision() >= target && tokenAtTarget == null)) {
                // unknowable from the kept tokens: recount the supplier from its declarations
                newScore |= recount(s, replay);
                return new Counted(d, newScore);
            } else if (s.revision() >= target && tokenAtTarget.equals(pending.token())) {
                return new Counted(d, newScore); // written by an earlier attempt (ours or a thread settling the same change)
            } else if (s.revision() + 1 != target) {
                // the target revision went to another change (or the record was reset): move the target first
                DeclarationRecord moved = new DeclarationRecord(d.declarationId(), d.supplierId(), d.version() + 1,
                        d.evidence(), new DeclarationRecord.PendingChange(pending.token(), pending.previous(),
                                s.revision() + 1));
                if (!ledger.save(moved, d.version())) {
                    Optional<DeclarationRecord> reloaded = reloadPending(d);
                    if (reloaded.isEmpty()) {
                        return new Counted(null, newScore); // someone else settled it
                    }
                    d = reloaded.get();
                } else {
                    d = moved;
                }
            } else {
                SupplierRecord next = apply(s, d.delta(), d.evidence(), pending.token(), replay);
                if (records.save(next, s.revision())) {
                    newScore |= storedNewVersion(s, next.latest());
                    return new Counted(d, newScore);
                }
                // another change of this supplier came first (another instance): re-read it
            }
        }
        throw new RetryLater("supplier " + d.supplierId() + " kept changing under " + MAX_ATTEMPTS
                + " attempts; the record will be retried", null);
    }

    /** The supplier's next revision with {@code delta} added (and the score recomputed). */
    private SupplierRecord apply(SupplierRecord s, Tally delta, DeclarationEvidence evidence, String token,
            boolean replay) {
        Instant asOf = later(s.asOf(), evidence.latestAt().orElse(null));
        Tally tally = s.tally().plus(delta);
        if (asOf != null) {
            tally = tally.pruneBefore(model.firstRecentDay(asOf));
        }
        Map<Long, String> applied = new TreeMap<>(s.applied());
        applied.put(s.revision() + 1, token);
        return new SupplierRecord(s.supplierId(), s.revision() + 1, tally, asOf, rescore(s, tally, asOf, replay),
                s.emittedVersion(), applied, s.recountedAt());
    }

    /**
     * Counters from scratch: the sum of the supplier's declaration records (pending changes included:
     * their evidence is already stored). Written at the next revision, which becomes the recount mark.
     *
     * @return true when the recount stored a new score version
     */
    private boolean recount(SupplierRecord s, boolean replay) {
        SupplierRecord current = s;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Tally tally = Tally.ZERO;
            Instant asOf = current.asOf();
            try (Stream<DeclarationRecord> all = ledger.ofSupplier(current.supplierId())) {
                for (DeclarationRecord d : (Iterable<DeclarationRecord>) all::iterator) {
                    tally = tally.plus(d.evidence().tally());
                    asOf = later(asOf, d.evidence().latestAt().orElse(null));
                }
            }
            if (asOf != null) {
                tally = tally.pruneBefore(model.firstRecentDay(asOf));
            }
            long revision = current.revision() + 1;
            SupplierRecord next = new SupplierRecord(current.supplierId(), revision, tally, asOf,
                    rescore(current, tally, asOf, replay), current.emittedVersion(), Map.of(), revision);
            if (records.save(next, current.revision())) {
                return storedNewVersion(current, next.latest());
            }
            current = records.find(current.supplierId()).orElseGet(() -> SupplierRecord.empty(s.supplierId()));
        }
        throw new RetryLater("supplier " + s.supplierId() + " kept changing during a recount", null);
    }

    /**
     * The latest score: a new version when score, band or factors changed, else the stored one. While a
     * rebuild replays history: never a new version; a supplier without one starts from its published score.
     */
    private SupplierScore rescore(SupplierRecord s, Tally tally, Instant asOf, boolean replay) {
        if (replay) {
            return s.latest() != null ? s.latest() : published.latest(s.supplierId()).orElse(null);
        }
        SupplierScore base = s.latest() != null ? s.latest() : published.latest(s.supplierId()).orElse(null);
        ScoreCard card = model.score(tally, asOf);
        if (s.latest() == null && base != null) {
            // a rebuilt supplier whose replay stored nothing yet: continue from the published version
            return card == null || card.sameAssessmentAs(base) ? base
                    : SupplierScore.next(s.supplierId(), base, card, model.policy().validity());
        }
        return card != null && !card.sameAssessmentAs(s.latest())
                ? SupplierScore.next(s.supplierId(), s.latest(), card, model.policy().validity())
                : s.latest();
    }

    /** A new version was computed (not: the same one, nor the published one a rebuilt supplier continues from). */
    private boolean storedNewVersion(SupplierRecord before, SupplierScore latest) {
        if (latest == null || latest == before.latest()) {
            return false;
        }
        return before.latest() != null || !published.latest(before.supplierId()).map(latest::equals).orElse(false);
    }

    private void clearPending(DeclarationRecord d) {
        DeclarationRecord current = d;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            DeclarationRecord cleared = new DeclarationRecord(current.declarationId(), current.supplierId(),
                    current.version() + 1, current.evidence(), null);
            if (ledger.save(cleared, current.version())) {
                return;
            }
            Optional<DeclarationRecord> reloaded = reloadPending(current);
            if (reloaded.isEmpty()) {
                return; // cleared (or superseded) by someone else
            }
            current = reloaded.get();
        }
    }

    /** The stored record if it still has the same pending change (maybe with a moved target). */
    private Optional<DeclarationRecord> reloadPending(DeclarationRecord d) {
        return ledger.find(d.declarationId())
                .filter(r -> r.pending() != null && r.pending().token().equals(d.pending().token()));
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    /**
     * Sends the supplier's stored score if it has not been sent, one sender per supplier at a time: the record
     * is re-read under the supplier's send lock, so a version read before a newer one was sent is never sent
     * after it (seen before this lock: versions 1, 3, 2 on the compacted topic, whose newest record was then
     * stale). The send is waited for inside the lock, so a supplier's versions reach the topic strictly
     * increasing, each once (from this instance).
     */
    private boolean sendPending(SupplierRecord seen) {
        if (!seen.emissionPending()) {
            return false;
        }
        ReentrantLock lock = sendLocks[Math.floorMod(seen.supplierId().hashCode(), sendLocks.length)];
        lock.lock();
        try {
            Optional<SupplierRecord> current = records.find(seen.supplierId()).filter(SupplierRecord::emissionPending);
            if (current.isEmpty()) {
                return false; // sent meanwhile by another thread
            }
            SupplierRecord record = current.get();
            publisher.publish(record.latest());
            records.markEmitted(record.supplierId(), record.latest().version());
            return true;
        } finally {
            lock.unlock();
        }
    }
}
