package org.originbridge.scoring.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.originbridge.scoring.domain.AswOutcome;
import org.originbridge.scoring.domain.ComplianceScoring;
import org.originbridge.scoring.domain.Consignment;
import org.originbridge.scoring.domain.ScoringModel;
import org.originbridge.scoring.domain.ScoringPolicy;
import org.originbridge.scoring.domain.SupplierRecord;
import org.originbridge.testsupport.EmbeddedMongo;

/**
 * Issue 11 part 2, independent of the machine's load: a fact about a supplier with a long history
 * costs the same MongoDB commands, moving the same amount of data, as one about a supplier with a
 * short history. Counted with a command listener on the driver (commands by name, bytes sent), and
 * the stored supplier document's size, early and after more changes than change tokens kept.
 */
class ComplianceScoringCostTest {

    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    private static final Map<String, Integer> commands = new TreeMap<>();
    private static long bytesSent;
    private static MongoClient client;

    @BeforeAll
    static void connect() {
        CommandListener counter = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                synchronized (commands) {
                    commands.merge(event.getCommandName(), 1, Integer::sum);
                    bytesSent += event.getCommand().toBsonDocument().toJson().length();
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(EmbeddedMongo.connectionString()))
                .addCommandListener(counter).build());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private record Window(Map<String, Integer> commands, long bytes, int supplierDocumentBytes) {
    }

    @Test
    void aFactCostsTheSameCommandsAndBytesWhateverTheSupplierHistory() {
        MongoDatabase database = client.getDatabase("scoring-cost-" + UUID.randomUUID());
        ComplianceScoring scoring = new ComplianceScoring(new MongoSupplierRecords(database),
                new MongoDeclarationLedger(database), new MongoConsignmentDirectory(database), score -> { },
                new ScoringModel(ScoringPolicy.DEFAULT));

        record(scoring, database, 1, 1); // the supplier's first fact inserts its document
        Window early = record(scoring, database, 2, 21);
        // past the kept change tokens (2 per declaration): every slot of the supplier document in use
        int full = SupplierRecord.APPLIED_KEPT / 2 + 16;
        record(scoring, database, 22, full);
        Window late = record(scoring, database, full + 1, full + 20);

        // the same commands for the same 20 declarations (40 facts), after 4x the history
        assertThat(late.commands()).isEqualTo(early.commands());
        // the same bytes within a few per fact (counters and versions get more digits), not 4x
        assertThat(late.bytes()).isLessThan(early.bytes() + 40L * 400);
        assertThat(late.supplierDocumentBytes()).isLessThan(early.supplierDocumentBytes() + 12_000); // the 128 token slots fill up
        // and the supplier document stops growing once the token window is full
        Window later = record(scoring, database, full + 21, full + 40);
        assertThat(later.supplierDocumentBytes()).isLessThan(late.supplierDocumentBytes() + 200);
    }

    /** Records declarations {@code from..to} of one supplier (accepted, then verified) and counts what it cost. */
    private static Window record(ComplianceScoring scoring, MongoDatabase database, int from, int to) {
        synchronized (commands) {
            commands.clear();
            bytesSent = 0;
        }
        for (int i = from; i <= to; i++) {
            String id = "D" + i;
            Instant at = T0.plusSeconds(i);
            scoring.declarationAccepted(new Consignment(id, "SUP-COST", null, null, List.of(), "CNSGH", "MYPKG", at));
            scoring.verificationCompleted("SUP-COST", new AswOutcome(id, AswOutcome.Result.VERIFIED, at.plusSeconds(60)));
        }
        Document supplier = database.getCollection(MongoSupplierRecords.COLLECTION).find(new Document("_id", "SUP-COST")).first();
        int size = BsonDocument.parse(supplier.toJson()).toJson().length();
        synchronized (commands) {
            return new Window(Map.copyOf(commands), bytesSent, size);
        }
    }
}
