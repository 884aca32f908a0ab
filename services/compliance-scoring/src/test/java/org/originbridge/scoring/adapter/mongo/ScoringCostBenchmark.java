package org.originbridge.scoring.adapter.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.originbridge.scoring.domain.AswOutcome;
import org.originbridge.scoring.domain.ComplianceScoring;
import org.originbridge.scoring.domain.Consignment;
import org.originbridge.scoring.domain.ScoringModel;
import org.originbridge.scoring.domain.ScoringPolicy;
import org.originbridge.scoring.domain.SupplierRecord;
import org.originbridge.testsupport.EmbeddedMongo;

/**
 * Issue 11 part 2: the cost of one fact does not grow with the supplier's history. Records N
 * declarations of ONE supplier (accepted, then verified: two facts each) through the real use case
 * and MongoDB adapters (the embedded wire server, in memory) and prints the mean cost per fact of
 * the 1,000 facts around the 1k-th, 10k-th and 100k-th declaration. Prints numbers, asserts only
 * that every fact was counted; on demand, not part of {@code verify}:
 *
 * <pre>./mvnw -B -ntp -o -pl services/compliance-scoring -am verify -DskipITs \
 *     -Dtest=ScoringCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dscoring.benchmark.declarations=100000</pre>
 */
class ScoringCostBenchmark {

    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    @EnabledIfSystemProperty(named = "scoring.benchmark.declarations", matches = "\\d+")
    void costPerFactStaysFlat() {
        int n = Integer.parseInt(System.getProperty("scoring.benchmark.declarations"));
        try (MongoClient client = MongoClients.create(EmbeddedMongo.connectionString())) {
            MongoDatabase database = client.getDatabase("scoring-bench-" + UUID.randomUUID());
            MongoSupplierRecords records = new MongoSupplierRecords(database);
            ComplianceScoring scoring = new ComplianceScoring(records, new MongoDeclarationLedger(database),
                    new MongoConsignmentDirectory(database), score -> { }, new ScoringModel(ScoringPolicy.DEFAULT));
            List<Integer> marks = List.of(1_000, 10_000, 100_000, n);
            long windowStart = 0;
            long windowFacts = 0;
            System.out.printf("%n[scoring-cost] one supplier, %,d declarations, 2 facts each (accepted, verified)%n", n);
            for (int i = 1; i <= n; i++) {
                String id = "D" + i;
                Instant at = T0.plusSeconds(i);
                boolean measured = marks.stream().anyMatch(m -> m <= n) && isInWindow(i, marks, n);
                long t0 = System.nanoTime();
                scoring.declarationAccepted(new Consignment(id, "SUP-BENCH", "TD-" + id, null, List.of(), "CNSGH", "MYPKG", at));
                scoring.verificationCompleted("SUP-BENCH", new AswOutcome(id,
                        i % 10 == 0 ? AswOutcome.Result.NOT_VERIFIED : AswOutcome.Result.VERIFIED, at.plusSeconds(60)));
                if (measured) {
                    windowStart += System.nanoTime() - t0;
                    windowFacts += 2;
                }
                if (marks.contains(i) && windowFacts > 0) {
                    System.out.printf("[scoring-cost] at %,7d declarations: %.3f ms per fact (mean of the last %,d facts)%n",
                            i, windowStart / 1e6 / windowFacts, windowFacts);
                    windowStart = 0;
                    windowFacts = 0;
                }
            }
            SupplierRecord stored = records.find("SUP-BENCH").orElseThrow();
            if (stored.tally().intakeAccepted() != n || stored.tally().aswVerified() + stored.tally().aswNotVerified() != n) {
                throw new AssertionError("not every fact was counted: " + stored.tally());
            }
            System.out.printf("[scoring-cost] supplier record: %d change tokens, %d intake days kept, score %d%n",
                    stored.applied().size(), stored.tally().intakeByDay().size(), stored.latest().score());
        }
    }

    /** The 500 declarations (1,000 facts) ending at each mark. */
    private static boolean isInWindow(int i, List<Integer> marks, int n) {
        return marks.stream().filter(m -> m <= n).anyMatch(m -> i > m - 500 && i <= m);
    }
}
