package org.originbridge.subscriptions.adapter.kafka;

import java.time.Instant;

import org.apache.avro.generic.GenericRecord;
import org.originbridge.events.asw.CheckStatus;
import org.originbridge.events.asw.VerificationCompleted;
import org.originbridge.events.asw.VerificationOutcome;
import org.originbridge.events.ccpit.IssuanceStatusChanged;
import org.originbridge.events.common.Party;
import org.originbridge.events.failures.DeclarationProcessingFailed;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationRejected;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.logistics.LogisticsNodeEvent;
import org.originbridge.events.scoring.SupplierComplianceScore;
import org.originbridge.platform.errors.InvalidRecordException;
import org.originbridge.subscriptions.domain.EventType;
import org.originbridge.subscriptions.domain.Fact;

/**
 * Avro fact -> {@link Fact}: the natural id (what makes a republished copy the same event), the
 * tenant, the ordering key and the time. A fact without its id fields is bad data (dead-lettered).
 */
public final class FactMapper {

    private FactMapper() {
    }

    public static Fact toFact(Object value) {
        if (value instanceof DeclarationAccepted a) {
            String id = required("declarationId", a.getDeclarationId());
            return fact("declaration.accepted/" + id + "/" + a.getAcceptedAt().toEpochMilli(), EventType.DECLARATION_ACCEPTED,
                    tenant(a.getTenantId(), a.getSupplierId()), id, importer(a.getDeclaration()), a.getAcceptedAt(), a);
        }
        if (value instanceof DeclarationRejected r) {
            String id = required("declarationId", r.getDeclarationId());
            return fact("declaration.rejected/" + id + "/" + r.getRejectedAt().toEpochMilli(), EventType.DECLARATION_REJECTED,
                    tenant(r.getTenantId(), r.getSupplierId()), id, importer(r.getDeclaration()), r.getRejectedAt(), r);
        }
        if (value instanceof DeclarationProcessingFailed f) {
            String id = required("declarationId", f.getDeclarationId());
            return fact("declaration.failed/" + id + "/" + f.getService() + "/" + f.getSourceTopic() + "/"
                    + f.getFailedAt().toEpochMilli(), EventType.DECLARATION_FAILED, tenant(f.getTenantId(), null), id, null,
                    f.getFailedAt(), f);
        }
        if (value instanceof VerificationCompleted v) {
            String id = required("declarationId", v.getDeclarationId());
            // the natural id names the verification version whatever its type: a fact recorded before the types were
            // split (as declaration.verified) and redelivered now is still the same event, never a second one
            return fact("declaration.verified/" + id + "/" + v.getVersion(), verificationType(v),
                    tenant(v.getTenantId(), v.getSupplierId()), id, null, v.getVerifiedAt(), v);
        }
        if (value instanceof IssuanceStatusChanged i) {
            String id = required("declarationId", i.getDeclarationId());
            return fact("eco.status-changed/" + id + "/" + i.getSequence(), EventType.ECO_STATUS_CHANGED,
                    tenant(i.getTenantId(), i.getSupplierId()), id, null, i.getChangedAt(), i);
        }
        if (value instanceof LogisticsNodeEvent e) {
            String eventId = required("eventId", e.getEventId());
            String key = firstOf(e.getTransportDocumentReference(), e.getBookingReference(), e.getEquipmentReference(), eventId);
            return fact("logistics.event/" + eventId, EventType.LOGISTICS_EVENT, tenant(e.getTenantId(), null), key, null,
                    e.getEventDateTime(), e);
        }
        if (value instanceof SupplierComplianceScore s) {
            String supplier = required("supplierId", s.getSupplierId());
            return fact("score.changed/" + supplier + "/" + s.getVersion(), EventType.SCORE_CHANGED,
                    tenant(s.getTenantId(), supplier), supplier, null, s.getAsOf(), s);
        }
        throw new InvalidRecordException("value", "not a fact this service records: "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    /**
     * The event type of a verification outcome (the one place that decides it): VERIFIED -> {@code declaration.verified};
     * NOT_APPLICABLE -> {@code declaration.verification-not-applicable}; a revocation -> {@code
     * declaration.verification-revoked}; NOT_VERIFIED, FAILED and UNKNOWN -> {@code declaration.not-verified}. A
     * revocation is how asw-verification publishes one (its {@code revoked} use case): the NOT_VERIFIED version that
     * follows a VERIFIED one, keeping that version's verification code, its issuance check INVALID (a first
     * verification that is not VERIFIED carries no code).
     */
    static EventType verificationType(VerificationCompleted v) {
        VerificationOutcome outcome = v.getOutcome();
        if (outcome == VerificationOutcome.VERIFIED) {
            return EventType.DECLARATION_VERIFIED;
        }
        if (outcome == VerificationOutcome.NOT_APPLICABLE) {
            return EventType.DECLARATION_VERIFICATION_NOT_APPLICABLE;
        }
        if (outcome == VerificationOutcome.NOT_VERIFIED && v.getVerificationCode() != null
                && !v.getVerificationCode().isBlank() && v.getIssuanceStatus() != null
                && v.getIssuanceStatus().getStatus() == CheckStatus.INVALID) {
            return EventType.DECLARATION_VERIFICATION_REVOKED;
        }
        return EventType.DECLARATION_NOT_VERIFIED;
    }

    private static Fact fact(String naturalId, EventType type, String tenant, String key, String importer, Instant at,
                             GenericRecord record) {
        return new Fact(naturalId, type, tenant, key, importer, at, AvroJson.of(record));
    }

    private static String tenant(String tenantId, String supplierId) {
        return tenantId != null && !tenantId.isBlank() ? tenantId : supplierId == null ? "" : supplierId;
    }

    private static String importer(DeclarationSubmitted declaration) {
        Party importer = declaration == null ? null : declaration.getImporter();
        return importer == null || importer.getIdentifier() == null || importer.getIdentifier().isBlank()
                ? null : importer.getIdentifier();
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRecordException(field, "is required");
        }
        return value;
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
