package org.originbridge.subscriptions.adapter.kafka;

import java.time.Instant;

import org.apache.avro.generic.GenericRecord;
import org.originbridge.events.asw.VerificationCompleted;
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
            return fact("declaration.verified/" + id + "/" + v.getVersion(), EventType.DECLARATION_VERIFIED,
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
