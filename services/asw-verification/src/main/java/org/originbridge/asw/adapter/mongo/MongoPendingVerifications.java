package org.originbridge.asw.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.originbridge.asw.domain.AswRequest;
import org.originbridge.asw.domain.Issuance;
import org.originbridge.asw.domain.PendingVerifications;

/**
 * Collection {@code pendingVerifications}, one document per declaration ({@code _id} = declaration
 * id) holding what a Certificate of Origin's verification needs: {@code accepted} (the channel
 * request of the latest accepted content) and {@code issued} (the certificate as issued). Each write
 * is one {@code findOneAndUpdate} with upsert returning the document after it (atomic per document),
 * so the last of two racing writers sees both halves.
 */
public class MongoPendingVerifications implements PendingVerifications {

    static final String COLLECTION = "pendingVerifications";

    private final MongoCollection<Document> pending;

    public MongoPendingVerifications(MongoDatabase database) {
        this.pending = database.getCollection(COLLECTION);
    }

    @Override
    public Pending accepted(String supplierId, String referenceNumber, AswRequest r) {
        Document accepted = new Document("coReferenceNumber", r.coReferenceNumber())
                .append("documentType", r.documentType())
                .append("exportingCountry", r.exportingCountry())
                .append("importingCountry", r.importingCountry())
                .append("exporterName", r.exporterName())
                .append("hsCodes", r.hsCodes())
                .append("issueDate", r.issueDate().toString())
                .append("documentHash", r.documentHash());
        return upsert(r.declarationId(), Updates.combine(Updates.set("accepted", accepted), Updates.set("supplierId", supplierId),
                Updates.set("referenceNumber", referenceNumber)));
    }

    @Override
    public Pending issued(String declarationId, Issuance i) {
        Document issued = new Document("certificateNumber", i.certificateNumber())
                .append("issuingAuthority", i.issuingAuthority())
                .append("documentSha256", i.documentSha256());
        return upsert(declarationId, Updates.set("issued", issued));
    }

    private Pending upsert(String declarationId, org.bson.conversions.Bson update) {
        Document after = pending.findOneAndUpdate(eq("_id", declarationId), update,
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return toPending(declarationId, after);
    }

    static Pending toPending(String declarationId, Document d) {
        Document a = d == null ? null : d.get("accepted", Document.class);
        Document i = d == null ? null : d.get("issued", Document.class);
        Optional<AswRequest> accepted = Optional.ofNullable(a).map(x -> new AswRequest(declarationId, x.getString("coReferenceNumber"),
                x.getString("documentType"), x.getString("exportingCountry"), x.getString("importingCountry"),
                x.getString("exporterName"), List.copyOf(x.getList("hsCodes", String.class, List.of())),
                LocalDate.parse(x.getString("issueDate")), x.getString("documentHash"), null, null, null));
        Optional<Issuance> issued = Optional.ofNullable(i).map(x -> new Issuance(x.getString("certificateNumber"),
                x.getString("issuingAuthority"), x.getString("documentSha256")));
        return new Pending(accepted, d == null ? null : d.getString("supplierId"), d == null ? null : d.getString("referenceNumber"),
                issued);
    }
}
