package org.originbridge.status.domain;

import java.util.List;

import org.originbridge.origin.consistency.ConsistencyCheck;
import org.originbridge.origin.consistency.ConsistencyReport;
import org.originbridge.origin.consistency.IssuedCertificate;
import org.originbridge.origin.consistency.ShipmentFacts;
import org.originbridge.origin.consistency.VoyageEvent;
import org.originbridge.status.domain.route.PortDirectory;

/**
 * Where the consistency report is computed: status-query is where the declaration, the issued certificate
 * and the voyage meet, so the report is computed here, on read, from the facts the read model holds (origin-core's
 * {@link ConsistencyCheck} holds every rule). Computing on read makes it current with every new logistics event
 * or issuance fact and idempotent under redelivery and replay (the same facts give the same report).
 */
public final class Consistency {

    private final ConsistencyCheck check;

    public Consistency(PortDirectory ports) {
        this.check = new ConsistencyCheck(ports);
    }

    /** The report of a declaration against its issued certificate (when its content is known) and its events. */
    public ConsistencyReport report(DeclarationProjection p, List<LogisticsEvent> visibleEvents) {
        DeclarationData d = p.declaration();
        if (d == null) {
            return null;
        }
        IssuanceRecord i = p.issuance();
        IssuedCertificate issued = i == null || i.issuedContent() == null ? null
                : new IssuedCertificate(i.issuingAuthority(), i.certificateNumber(), i.issuedContent());
        return check.check(shipment(d, p.destinationCountry()), issued,
                visibleEvents.stream().map(Consistency::voyageEvent).toList());
    }

    /** The declaration as the consistency rules see it. */
    static ShipmentFacts shipment(DeclarationData d, String destinationCountry) {
        DeclarationData.Consignment c = d.consignment();
        return new ShipmentFacts(trader(d.exporter()), trader(d.importer()),
                destinationCountry != null ? destinationCountry : d.destinationCountry(),
                d.goods().stream().map(g -> new ShipmentFacts.Item(g.itemNumber(), g.description(), g.hsCode(),
                        g.originCriterion(), g.quantity(), g.quantityUnit(), g.fobAmount(), g.fobCurrency())).toList(),
                c == null ? null : c.invoiceNumber(), c == null ? null : c.invoiceDate(), c == null ? null : c.departureDate(),
                c == null ? null : c.vesselOrFlight(), c == null ? null : c.voyageNumber(),
                c == null ? null : c.portOfLoading(), c == null ? null : c.portOfDischarge());
    }

    private static ShipmentFacts.Trader trader(DeclarationData.Party party) {
        return party == null ? null : new ShipmentFacts.Trader(party.name(), party.country());
    }

    static VoyageEvent voyageEvent(LogisticsEvent e) {
        return new VoyageEvent(e.eventId(), e.source(), e.eventCode(), e.eventClassifier(), e.eventDateTime(),
                e.unLocationCode(), e.vesselImo(), e.carrierVoyageNumber());
    }
}
