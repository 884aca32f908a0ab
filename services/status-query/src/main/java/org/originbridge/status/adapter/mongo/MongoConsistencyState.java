package org.originbridge.status.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.originbridge.status.domain.DeclarationsByReference;
import org.originbridge.status.domain.LogisticsEvent;
import org.originbridge.status.domain.PublishedConsistency;

/**
 * What the consistency facts need besides the read model's own queries: {@code consistencyPublished} (one document
 * per declaration: {@code _id} = declaration id, {@code reportHash} of the report last published), and the
 * declarations a logistics event names (by the consignment references stored in {@code declarations}).
 */
public class MongoConsistencyState implements PublishedConsistency, DeclarationsByReference {

    static final String PUBLISHED = "consistencyPublished";
    private static final String TD = "declaration.consignment.transportDocumentReference";
    private static final String BK = "declaration.consignment.bookingReference";
    private static final String EQ = "declaration.consignment.equipmentReferences";

    private final MongoCollection<Document> published;
    private final MongoCollection<Document> declarations;

    public MongoConsistencyState(MongoDatabase database) {
        this.published = database.getCollection(PUBLISHED);
        this.declarations = database.getCollection(MongoStatusStore.DECLARATIONS);
    }

    /** Creates the indexes the reference lookup uses (idempotent). */
    public void createIndexes() {
        declarations.createIndex(Indexes.ascending(TD));
        declarations.createIndex(Indexes.ascending(BK));
        declarations.createIndex(Indexes.ascending(EQ));
    }

    @Override
    public Optional<String> reportHash(String declarationId) {
        return Optional.ofNullable(published.find(eq("_id", declarationId)).first()).map(d -> d.getString("reportHash"));
    }

    @Override
    public void published(String declarationId, String reportHash) {
        published.replaceOne(eq("_id", declarationId), new Document("_id", declarationId).append("reportHash", reportHash),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public List<String> declarationIdsReferencedBy(LogisticsEvent event) {
        List<Bson> any = new ArrayList<>(3);
        if (event.transportDocumentReference() != null) {
            any.add(eq(TD, event.transportDocumentReference()));
        }
        if (event.bookingReference() != null) {
            any.add(eq(BK, event.bookingReference()));
        }
        if (event.equipmentReference() != null) {
            any.add(in(EQ, event.equipmentReference()));
        }
        if (any.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        declarations.find(or(any)).projection(Projections.include("_id")).forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }
}
