package org.originbridge.status.domain;

import java.time.Instant;
import java.util.List;

import org.originbridge.origin.consistency.ConsistencyReport;
import org.originbridge.status.domain.route.DeliveryRoute;

/**
 * The consolidated view of one declaration. {@code failure} is present (status FAILED, with the
 * service and reason) when a record about it was dead-lettered and no later fact superseded it.
 * {@code route} is the delivery route built from the milestones ({@link org.originbridge.status.domain.route.RouteBuilder}).
 * {@code consistency} is the declaration checked against the certificate as its authority issued it and
 * against the actual voyage ({@link Consistency}); null while no declaration data is known.
 * {@code certificateDocumentUrl} is ccpit-sync's {@code /api/v1/declarations/{id}/certificate-document} of this
 * declaration (the certificate as its authority issued it) once an e-CO was issued and its document retrieved
 * (a {@code documentSha256} is known); null otherwise. It answers the same callers this view does (the
 * declaration's tenant, an operator) plus its importer, with their own token.
 */
public record DeclarationStatus(
        String declarationId,
        String supplierId,
        String referenceNumber,
        String destinationCountry,
        IntakeRecord intake,
        DeclarationData declaration,
        VerificationRecord verification,
        Issuance issuance,
        List<LogisticsEvent> milestones,
        Score supplierScore,
        Instant updatedAt,
        ProcessingFailure failure,
        DeliveryRoute route,
        ConsistencyReport consistency,
        String certificateDocumentUrl) {

    /** Issuance status plus its history. */
    public record Issuance(IssuanceRecord current, List<IssuanceRecord.HistoryEntry> history) {
    }

    /** The supplier's score with band and factors; {@code current} is false once validUntil has passed. */
    public record Score(Integer score, String band, Integer previousScore, List<SupplierScore.Factor> factors,
            Long version, Instant asOf, Instant validUntil, String source, boolean current) {
    }
}
