package org.originbridge.status.adapter.kafka;

import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.originbridge.events.asw.VerificationCompleted;
import org.originbridge.events.ccpit.IssuanceStatusChanged;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationRejected;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.logistics.LogisticsNodeEvent;
import org.originbridge.events.scoring.SupplierComplianceScore;
import org.originbridge.events.signing.SigningKeyPublished;
import org.originbridge.platform.errors.InvalidRecordException;
import org.originbridge.status.domain.ConsistencyFacts;
import org.originbridge.status.domain.LogisticsEvent;
import org.originbridge.status.domain.ProjectionResult;
import org.originbridge.status.domain.StatusProjection;
import org.springframework.stereotype.Component;

/**
 * Maps each Avro event to the domain and applies it, timing the use case
 * ({@code originbridge.status.projection}) and counting outcomes
 * ({@code originbridge.status.projection.outcomes}, tags event and outcome applied/stale).
 */
@Component
public class ProjectionHandler {

    private final StatusProjection projection;
    private final ConsistencyFacts consistency;
    private final MeterRegistry meters;

    public ProjectionHandler(StatusProjection projection, ConsistencyFacts consistency, MeterRegistry meters) {
        this.projection = projection;
        this.consistency = consistency;
        this.meters = meters;
    }

    void submitted(DeclarationSubmitted e) {
        EventMapper.requireIds(e.getDeclarationId(), e.getSupplierId());
        if (e.getSubmittedAt() == null) {
            throw new InvalidRecordException("submittedAt", "missing");
        }
        apply("submitted", () -> projection.submitted(e.getDeclarationId(), e.getSupplierId(),
                EventMapper.declaration(e), e.getSubmittedAt()));
    }

    void accepted(DeclarationAccepted e) {
        EventMapper.requireIds(e.getDeclarationId(), e.getSupplierId(), e.getTenantId());
        if (e.getDeclaration() == null) {
            throw new InvalidRecordException("declaration", "missing");
        }
        apply("accepted", () -> projection.accepted(e.getDeclarationId(), e.getSupplierId(),
                EventMapper.declaration(e.getDeclaration()), EventMapper.preCheck(e.getOriginPreCheck()),
                e.getAcceptedAt()));
        // applied or stale (a redelivery): the report is recomputed either way and published only if it changed
        consistency.check(e.getDeclarationId());
    }

    void rejected(DeclarationRejected e) {
        EventMapper.requireIds(e.getDeclarationId(), e.getSupplierId(), e.getTenantId());
        apply("rejected", () -> projection.rejected(e.getDeclarationId(), e.getSupplierId(), e.getReferenceNumber(),
                EventMapper.declaration(e.getDeclaration()), EventMapper.problems(e.getProblems()),
                EventMapper.preCheck(e.getOriginPreCheck()), e.getRejectedAt()));
    }

    void verified(VerificationCompleted e) {
        EventMapper.requireIds(e.getDeclarationId(), e.getSupplierId(), e.getTenantId());
        apply("verified", () -> projection.verified(e.getDeclarationId(), e.getSupplierId(), e.getReferenceNumber(),
                EventMapper.verification(e)));
    }

    void issuance(IssuanceStatusChanged e) {
        EventMapper.requireIds(e.getDeclarationId(), e.getSupplierId(), e.getTenantId());
        apply("issuance", () -> projection.issuanceChanged(e.getDeclarationId(), e.getSupplierId(),
                e.getReferenceNumber(), EventMapper.issuance(e)));
        consistency.check(e.getDeclarationId());
    }

    void logistics(LogisticsNodeEvent e) {
        LogisticsEvent event = EventMapper.logistics(e);
        apply("logistics", () -> projection.logisticsEvent(event));
        consistency.eventRecorded(event);
    }

    void score(SupplierComplianceScore e) {
        if (e.getSupplierId() == null || e.getSupplierId().isBlank()) {
            throw new InvalidRecordException("supplierId", "missing");
        }
        if (!e.getTenantId().isEmpty() && !e.getTenantId().equals(e.getSupplierId())) {
            throw new InvalidRecordException("tenantId", "differs from supplierId");
        }
        apply("score", () -> projection.score(EventMapper.score(e)));
    }

    void signingKey(SigningKeyPublished e) {
        apply("signingKey", () -> projection.signingKey(EventMapper.signingKey(e)));
    }

    private void apply(String event, Supplier<ProjectionResult> useCase) {
        ProjectionResult result = Timer.builder("originbridge.status.projection").tag("event", event)
                .description("Applying one event to the read model").register(meters).record(useCase);
        Counter.builder("originbridge.status.projection.outcomes").tag("event", event)
                .tag("outcome", result.name().toLowerCase()).register(meters).increment();
    }
}
