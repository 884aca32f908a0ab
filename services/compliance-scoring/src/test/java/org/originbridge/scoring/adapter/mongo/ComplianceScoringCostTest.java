package org.originbridge.scoring.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.originbridge.testsupport.MongoCommandCounter;

/**
 * Issue 11 part 2, independent of the machine's load: a fact about a supplier with a long history
 * costs the same MongoDB commands, moving the same amount of data, as one about a supplier with a
 * short history. Counted with test-support's MongoCommandCounter (commands by name, bytes sent), and
 * the stored supplier document's size, early and after more changes than change tokens kept.
 */
class ComplianceScoringCostTest {

    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    private static MongoCommandCounter counter;

    @BeforeAll
    static void connect() {
        counter = new MongoCommandCounter();
    }

    @AfterAll
    static void close() {
        counter.close();
    }

    private record Window(Map<String, Integer> commands, long bytes, int supplierDocumentBytes) {
    }

    @Test
    void aFactCostsTheSameCommandsAndBytesWhateverTheSupplierHistory() {
        MongoDatabase database = counter.freshDatabase("scoring-cost");
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
        counter.reset();
        for (int i = from; i <= to; i++) {
            String id = "D" + i;
            Instant at = T0.plusSeconds(i);
            scoring.declarationAccepted(new Consignment(id, "SUP-COST", null, null, List.of(), "CNSGH", "MYPKG", at));
            scoring.verificationCompleted("SUP-COST", new AswOutcome(id, AswOutcome.Result.VERIFIED, at.plusSeconds(60)));
        }
        Document supplier = database.getCollection(MongoSupplierRecords.COLLECTION).find(new Document("_id", "SUP-COST")).first();
        int size = BsonDocument.parse(supplier.toJson()).toJson().length();
        MongoCommandCounter.Count sent = counter.snapshot();
        return new Window(sent.commands(), sent.bytes(), size);
    }
}
