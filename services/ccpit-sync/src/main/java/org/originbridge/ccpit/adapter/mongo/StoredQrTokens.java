package org.originbridge.ccpit.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.originbridge.ccpit.domain.EcoApplication;
import org.originbridge.ccpit.domain.QrTokens;

/**
 * One QR token per issued certificate: the first token signed for a (declaration, certificate
 * number) is kept in collection {@code qrTokens} and handed out unchanged afterwards (every status
 * event, every QR image, every restart), so a printed QR code stays the same. Insert-only: when two
 * threads sign at once, the first insert wins and both answer the stored token.
 */
public class StoredQrTokens implements QrTokens {

    static final String COLLECTION = "qrTokens";

    private final QrTokens signer;
    private final MongoCollection<Document> tokens;

    public StoredQrTokens(QrTokens signer, MongoDatabase database) {
        this.signer = signer;
        this.tokens = database.getCollection(COLLECTION);
    }

    @Override
    public QrToken issue(EcoApplication application) {
        String id = application.declarationId() + "|" + application.certificateNumber();
        Optional<QrToken> stored = find(id);
        if (stored.isPresent()) {
            return stored.get();
        }
        QrToken fresh = signer.issue(application);
        try {
            tokens.insertOne(new Document("_id", id).append("declarationId", application.declarationId())
                    .append("certificateNumber", application.certificateNumber()).append("token", fresh.token())
                    .append("expiresAt", Date.from(fresh.expiresAt())).append("verificationUrl", fresh.verificationUrl()));
            return fresh;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return find(id).orElseThrow(() -> e);
        }
    }

    private Optional<QrToken> find(String id) {
        return Optional.ofNullable(tokens.find(eq("_id", id)).first())
                .map(d -> new QrToken(d.getString("token"), d.getDate("expiresAt").toInstant(), d.getString("verificationUrl")));
    }
}
