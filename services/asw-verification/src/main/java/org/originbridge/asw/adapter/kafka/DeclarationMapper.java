package org.originbridge.asw.adapter.kafka;

import java.util.List;
import org.originbridge.asw.domain.Declaration;
import org.originbridge.events.common.Money;
import org.originbridge.events.common.Party;
import org.originbridge.events.intake.Consignment;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.intake.GoodsItem;
import org.originbridge.platform.errors.InvalidRecordException;

/** Avro {@link DeclarationAccepted} to the domain's {@link Declaration}. */
public final class DeclarationMapper {

    private DeclarationMapper() {}

    public static Declaration toDomain(String key, DeclarationAccepted accepted) {
        if (accepted == null || accepted.getDeclaration() == null) {
            throw new InvalidRecordException("declaration", "is required");
        }
        if (key != null && !key.equals(accepted.getDeclarationId())) {
            throw new InvalidRecordException("key", "must equal declarationId " + accepted.getDeclarationId() + " (was " + key + ")");
        }
        DeclarationSubmitted d = accepted.getDeclaration();
        return new Declaration(
                accepted.getDeclarationId(),
                accepted.getSupplierId(),
                d.getDocumentType() == null ? null : d.getDocumentType().name(),
                d.getReferenceNumber(),
                d.getIssueDate(),
                party(d.getExporter()),
                party(d.getProducer()),
                party(d.getImporter()),
                d.getDestinationCountry(),
                d.getGoods() == null ? List.of() : d.getGoods().stream().map(DeclarationMapper::item).toList(),
                shipment(d.getConsignment()),
                d.getApprovedExporterCode(),
                d.getCertification() == null ? null : d.getCertification().getIssuingBody());
    }

    private static Declaration.Party party(Party p) {
        return p == null ? null : new Declaration.Party(p.getName(), p.getAddress(), p.getCountry());
    }

    private static Declaration.Item item(GoodsItem i) {
        Money fob = i.getFobValue();
        return new Declaration.Item(i.getItemNumber(), i.getDescription(), i.getHsCode(), i.getOriginCriterion(),
                i.getOriginCountry(), i.getQuantity(), i.getQuantityUnit(), i.getGrossWeightKg(),
                fob == null ? null : fob.getAmount(), fob == null ? null : fob.getCurrency());
    }

    private static Declaration.Shipment shipment(Consignment c) {
        return c == null ? null : new Declaration.Shipment(c.getInvoiceNumber(), c.getInvoiceDate(), c.getDepartureDate(),
                c.getVesselOrFlight(), c.getVoyageNumber(), c.getPortOfLoading(), c.getPortOfDischarge(),
                c.getTransportDocumentReference());
    }
}
