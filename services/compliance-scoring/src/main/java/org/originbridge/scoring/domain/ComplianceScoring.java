package org.originbridge.scoring.domain;

import org.originbridge.platform.errors.RetryLater;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The use cases: record one fact about a supplier, recompute its score and publish the score when
 * the score, band or factors changed.
 *
 * <p>Write, then send: the new evidence and the new score (version + 1) are stored in one guarded
 * document write; then the score is sent and the sent version recorded. If the process stops
 * between the two, the stored emitted version lags and the next fact about the supplier (a
 * re-delivery of the same record included) sends it. A replayed fact changes no evidence, so it
 * computes the same score and emits nothing new.
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
        PARKED
    }

    private static final int MAX_ATTEMPTS = 20;

    private final SupplierRecords records;
    private final ConsignmentDirectory directory;
    private final ScorePublisher publisher;
    private final ScoringModel model;
    private final ScoringMetrics metrics;

    public ComplianceScoring(SupplierRecords records, ConsignmentDirectory directory, ScorePublisher publisher,
            ScoringModel model) {
        this(records, directory, publisher, model, ScoringMetrics.NONE);
    }

    public ComplianceScoring(SupplierRecords records, ConsignmentDirectory directory, ScorePublisher publisher,
            ScoringModel model, ScoringMetrics metrics) {
        this.records = Objects.requireNonNull(records);
        this.directory = Objects.requireNonNull(directory);
        this.publisher = Objects.requireNonNull(publisher);
        this.model = Objects.requireNonNull(model);
        this.metrics = Objects.requireNonNull(metrics);
    }

    /** An accepted declaration: intake evidence, its consignment references and any port events already seen. */
    public Outcome declarationAccepted(Consignment consignment) {
        return metrics.measure("declaration-accepted", () -> accepted(consignment));
    }

    public Outcome declarationRejected(String supplierId, IntakeOutcome outcome) {
        return metrics.measure("declaration-rejected", () -> record(supplierId, evidence -> evidence.withIntake(outcome)));
    }

    public Outcome verificationCompleted(String supplierId, AswOutcome outcome) {
        return metrics.measure("asw-verification", () -> record(supplierId, evidence -> evidence.withAsw(outcome)));
    }

    public Outcome issuanceChanged(String supplierId, IssuanceOutcome outcome) {
        return metrics.measure("eco-issuance", () -> record(supplierId, evidence -> evidence.withIssuance(outcome)));
    }

    /** A port event: attributed through its consignment references, or kept until the declaration arrives. */
    public Outcome logisticsEvent(LogisticsObservation observation) {
        return metrics.measure("logistics-node-event", () -> logistics(observation));
    }

    public Optional<SupplierRecord> current(String supplierId) {
        return records.find(supplierId);
    }

    private Outcome accepted(Consignment consignment) {
        directory.register(consignment);
        List<NodeEvent> earlier = directory.eventsFor(consignment).stream()
                .filter(o -> directory.resolve(o).map(c -> c.declarationId().equals(consignment.declarationId()))
                        .orElse(false))
                .map(LogisticsObservation::event)
                .toList();
        IntakeOutcome outcome = new IntakeOutcome(consignment.declarationId(), true, consignment.acceptedAt());
        return record(consignment.supplierId(), evidence -> {
            SupplierEvidence next = evidence.withIntake(outcome);
            return earlier.isEmpty() ? next
                    : next.withNodeEvents(consignment.declarationId(), consignment.portOfLoading(),
                            consignment.portOfDischarge(), earlier);
        });
    }

    private Outcome logistics(LogisticsObservation observation) {
        directory.remember(observation);
        Optional<Consignment> consignment = directory.resolve(observation);
        if (consignment.isEmpty()) {
            return Outcome.PARKED;
        }
        Consignment c = consignment.get();
        return record(c.supplierId(), evidence -> evidence.withNodeEvents(c.declarationId(), c.portOfLoading(),
                c.portOfDischarge(), List.of(observation.event())));
    }

    private Outcome record(String supplierId, UnaryOperator<SupplierEvidence> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            SupplierRecord current = records.find(supplierId).orElseGet(() -> SupplierRecord.empty(supplierId));
            SupplierEvidence evidence = change.apply(current.evidence());
            ScoreCard card = model.score(evidence);
            boolean newScore = card != null && !card.sameAssessmentAs(current.latest());
            if (!newScore && evidence.equals(current.evidence())) {
                return sendPending(current) ? Outcome.RESENT : Outcome.UNCHANGED;
            }
            SupplierScore latest = newScore
                    ? SupplierScore.next(supplierId, current.latest(), card, model.policy().validity())
                    : current.latest();
            SupplierRecord next = new SupplierRecord(supplierId, current.revision() + 1, evidence, latest,
                    current.emittedVersion());
            if (!records.save(next, current.revision())) {
                continue; // someone else wrote this supplier first: recompute from their state
            }
            if (!newScore) {
                return sendPending(next) ? Outcome.RESENT : Outcome.UNCHANGED;
            }
            // Send whatever is newest now (another writer may have moved on since our write).
            SupplierRecord stored = records.find(supplierId).orElse(next);
            sendPending(stored);
            return Outcome.EMITTED;
        }
        throw new RetryLater("supplier " + supplierId + " kept changing under " + MAX_ATTEMPTS
                + " attempts; the record will be retried", null);
    }

    private boolean sendPending(SupplierRecord record) {
        if (!record.emissionPending()) {
            return false;
        }
        publisher.publish(record.latest());
        records.markEmitted(record.supplierId(), record.latest().version());
        return true;
    }
}
