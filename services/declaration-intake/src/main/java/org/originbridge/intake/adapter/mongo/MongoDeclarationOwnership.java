package org.originbridge.intake.adapter.mongo;

import java.time.Clock;
import java.util.Date;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.originbridge.intake.domain.DeclarationOwnership;
import org.springframework.stereotype.Component;

/**
 * Ownership records in MongoDB, collection {@code declaration_owners}: one document per identifier,
 * {@code _id = "<kind>:<value>"} (the unique primary index), {@code tenant}, {@code claimedAt}.
 * A claim is an upsert with {@code $setOnInsert}: it never overwrites an existing owner.
 */
@Component
class MongoDeclarationOwnership implements DeclarationOwnership {

    private final MongoCollection<Document> owners;
    private final Clock clock;

    MongoDeclarationOwnership(MongoDatabase database, Clock clock) {
        this.owners = database.getCollection("declaration_owners");
        this.clock = clock;
    }

    @Override
    public Optional<String> owner(Kind kind, String value) {
        Document found = owners.find(Filters.eq("_id", id(kind, value))).first();
        return Optional.ofNullable(found).map(d -> d.getString("tenant"));
    }

    @Override
    public String claim(Kind kind, String value, String tenant) {
        String id = id(kind, value);
        try {
            Document after = owners.findOneAndUpdate(Filters.eq("_id", id),
                    Updates.combine(Updates.setOnInsert("tenant", tenant),
                            Updates.setOnInsert("claimedAt", Date.from(clock.instant()))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return after.getString("tenant");
        } catch (MongoException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                // two first claims raced: the other one won
                return owner(kind, value).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private static String id(Kind kind, String value) {
        return (kind == Kind.DECLARATION_ID ? "id:" : "ref:") + value;
    }
}
