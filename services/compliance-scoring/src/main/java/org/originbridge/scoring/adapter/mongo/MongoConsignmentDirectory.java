package org.originbridge.scoring.adapter.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.originbridge.scoring.domain.Consignment;
import org.originbridge.scoring.domain.ConsignmentDirectory;
import org.originbridge.scoring.domain.LogisticsObservation;

/**
 * {@code scoring_consignments}: one document per accepted declaration ({@code _id} = declaration
 * id) with its transport document, booking and equipment references, indexed for the join.
 * {@code scoring_logistics_events}: every port event seen ({@code _id} = event id), so events that
 * arrive before their declaration are attributed when it arrives. Both written with idempotent
 * upserts by id: a replay rewrites the same document.
 */
public class MongoConsignmentDirectory implements ConsignmentDirectory {

    public static final String CONSIGNMENTS = "scoring_consignments";
    public static final String EVENTS = "scoring_logistics_events";

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> consignments;
    private final MongoCollection<Document> events;

    public MongoConsignmentDirectory(MongoDatabase database) {
        this.consignments = database.getCollection(CONSIGNMENTS);
        this.events = database.getCollection(EVENTS);
        consignments.createIndex(Indexes.ascending("transportDocumentReference"));
        consignments.createIndex(Indexes.ascending("bookingReference"));
        consignments.createIndex(Indexes.ascending("equipmentReferences"));
        events.createIndex(Indexes.ascending("transportDocumentReference"));
        events.createIndex(Indexes.ascending("bookingReference"));
        events.createIndex(Indexes.ascending("equipmentReference"));
    }

    @Override
    public void register(Consignment c) {
        consignments.replaceOne(Filters.eq("_id", c.declarationId()), new Document("_id", c.declarationId())
                .append("supplierId", c.supplierId())
                .append("transportDocumentReference", c.transportDocumentReference())
                .append("bookingReference", c.bookingReference())
                .append("equipmentReferences", c.equipmentReferences())
                .append("portOfLoading", c.portOfLoading())
                .append("portOfDischarge", c.portOfDischarge())
                .append("acceptedAt", EvidenceDocuments.date(c.acceptedAt())), UPSERT);
    }

    @Override
    public Optional<Consignment> resolve(LogisticsObservation o) {
        List<Bson> lookups = new ArrayList<>();
        if (o.transportDocumentReference() != null) {
            lookups.add(Filters.eq("transportDocumentReference", o.transportDocumentReference()));
        }
        if (o.bookingReference() != null) {
            lookups.add(Filters.eq("bookingReference", o.bookingReference()));
        }
        if (o.equipmentReference() != null) {
            lookups.add(Filters.eq("equipmentReferences", o.equipmentReference()));
        }
        for (Bson lookup : lookups) {
            Document found = consignments.find(lookup).sort(Sorts.descending("acceptedAt")).first();
            if (found != null) {
                return Optional.of(toConsignment(found));
            }
        }
        return Optional.empty();
    }

    @Override
    public void remember(LogisticsObservation o) {
        events.replaceOne(Filters.eq("_id", o.event().eventId()), EvidenceDocuments.event(o.event())
                .append("_id", o.event().eventId())
                .append("transportDocumentReference", o.transportDocumentReference())
                .append("bookingReference", o.bookingReference())
                .append("equipmentReference", o.equipmentReference()), UPSERT);
    }

    @Override
    public List<LogisticsObservation> eventsFor(Consignment c) {
        List<Bson> any = new ArrayList<>();
        if (c.transportDocumentReference() != null) {
            any.add(Filters.eq("transportDocumentReference", c.transportDocumentReference()));
        }
        if (c.bookingReference() != null) {
            any.add(Filters.eq("bookingReference", c.bookingReference()));
        }
        if (!c.equipmentReferences().isEmpty()) {
            any.add(Filters.in("equipmentReference", c.equipmentReferences()));
        }
        if (any.isEmpty()) {
            return List.of();
        }
        List<LogisticsObservation> found = new ArrayList<>();
        for (Document d : events.find(Filters.or(any))) {
            found.add(new LogisticsObservation(EvidenceDocuments.event(d), d.getString("transportDocumentReference"),
                    d.getString("bookingReference"), d.getString("equipmentReference")));
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Consignment toConsignment(Document d) {
        return new Consignment(d.getString("_id"), d.getString("supplierId"), d.getString("transportDocumentReference"),
                d.getString("bookingReference"), (List<String>) d.get("equipmentReferences", List.class),
                d.getString("portOfLoading"), d.getString("portOfDischarge"),
                EvidenceDocuments.instant(d.getDate("acceptedAt")));
    }
}
