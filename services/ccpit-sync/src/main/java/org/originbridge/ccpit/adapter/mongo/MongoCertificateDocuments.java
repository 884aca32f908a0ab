package org.originbridge.ccpit.adapter.mongo;

import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.originbridge.ccpit.domain.CertificateDocument;
import org.originbridge.ccpit.domain.CertificateDocuments;

/**
 * {@code eco_certificate_documents}: one document per declaration ({@code _id} = declaration id) with the
 * certificate's bytes as the issuing authority served them, their media type and SHA-256. Storing again replaces
 * it with the same content (an upsert), so a re-check or a second instance changes nothing.
 */
public class MongoCertificateDocuments implements CertificateDocuments {

    public static final String COLLECTION = "eco_certificate_documents";

    private final MongoCollection<Document> documents;

    public MongoCertificateDocuments(MongoDatabase database) {
        this.documents = database.getCollection(COLLECTION);
    }

    @Override
    public void store(String declarationId, CertificateDocument document) {
        documents.replaceOne(Filters.eq("_id", declarationId),
                new Document("_id", declarationId).append("contentType", document.contentType())
                        .append("sha256", document.sha256()).append("content", new Binary(document.content())),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<CertificateDocument> find(String declarationId) {
        Document d = documents.find(Filters.eq("_id", declarationId)).first();
        return d == null ? Optional.empty()
                : Optional.of(new CertificateDocument(d.getString("contentType"), d.get("content", Binary.class).getData()));
    }
}
