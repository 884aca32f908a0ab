package org.originbridge.scoring.domain;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.originbridge.scoring.adapter.mongo.MongoConsignmentDirectory;
import org.originbridge.scoring.adapter.mongo.MongoDeclarationLedger;
import org.originbridge.scoring.adapter.mongo.MongoSupplierRecords;
import org.originbridge.testsupport.EmbeddedMongo;

/**
 * Issue 11 part 2: the cost of one fact does not grow with the supplier's history. Records N
 * declarations of ONE supplier (accepted, then verified: two facts each) through the real use case
 * and prints, for the 1,000 facts ending at the 1k-th, 10k-th and 100k-th declaration, the mean wall
 * time and CPU time per fact. {@code memory}: the in-memory ports (the use case's own work: the
 * model, the tally, the change tokens); {@code mongo}: the MongoDB adapters against the embedded wire
 * server in the same JVM (CPU = the whole process: client, driver and server). Prints numbers,
 * asserts only that every fact was counted; on demand, never part of {@code verify}:
 *
 * <pre>./mvnw -B -ntp -o -pl services/compliance-scoring -am verify -DskipITs -Dtest=ScoringCostBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dscoring.benchmark.declarations=100000 [-Dscoring.benchmark.store=mongo]</pre>
 */
public class ScoringCostBenchmark {

    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    @EnabledIfSystemProperty(named = "scoring.benchmark.declarations", matches = "\\d+")
    void costPerFactStaysFlat() {
        run(Integer.parseInt(System.getProperty("scoring.benchmark.declarations")),
                System.getProperty("scoring.benchmark.store", "memory"));
    }

    /** Also runnable with plain {@code java} on the module's test class path: {@code ScoringCostBenchmark 100000 memory}. */
    public static void main(String[] args) {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 100_000, args.length > 1 ? args[1] : "memory");
        System.exit(0);
    }

    static void run(int n, String store) {
        if (store.equals("mongo")) {
            try (MongoClient client = MongoClients.create(EmbeddedMongo.connectionString())) {
                MongoDatabase database = client.getDatabase("scoring-bench-" + UUID.randomUUID());
                MongoSupplierRecords records = new MongoSupplierRecords(database);
                measure(n, store, records, new ComplianceScoring(records, new MongoDeclarationLedger(database),
                        new MongoConsignmentDirectory(database), score -> { }, new ScoringModel(ScoringPolicy.DEFAULT)));
            }
        } else {
            InMemoryPorts.Records records = new InMemoryPorts.Records();
            measure(n, store, records, new ComplianceScoring(records, new InMemoryPorts.Ledger(),
                    new InMemoryPorts.Directory(), score -> { }, new ScoringModel(ScoringPolicy.DEFAULT)));
        }
    }

    private static void measure(int n, String store, SupplierRecords records, ComplianceScoring scoring) {
        List<Integer> marks = List.of(1_000, 10_000, 100_000, n).stream().filter(m -> m <= n).distinct().toList();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long wall = 0;
        long cpu = 0;
        long facts = 0;
        System.out.printf("%n[scoring-cost] %s store, one supplier, %,d declarations, 2 facts each (accepted, verified)%n",
                store, n);
        long started = System.nanoTime();
        for (int i = 1; i <= n; i++) {
            String id = "D" + i;
            Instant at = T0.plusSeconds(i);
            int declaration = i;
            boolean measured = marks.stream().anyMatch(m -> declaration > m - 500 && declaration <= m);
            long w0 = System.nanoTime();
            long c0 = os.getProcessCpuTime();
            // the consignment has no references: no port-event join (the directory is not what is measured)
            scoring.declarationAccepted(new Consignment(id, "SUP-BENCH", null, null, List.of(), "CNSGH", "MYPKG", at));
            scoring.verificationCompleted("SUP-BENCH", new AswOutcome(id,
                    i % 10 == 0 ? AswOutcome.Result.NOT_VERIFIED : AswOutcome.Result.VERIFIED, at.plusSeconds(60)));
            if (measured) {
                wall += System.nanoTime() - w0;
                cpu += os.getProcessCpuTime() - c0;
                facts += 2;
            }
            if (marks.contains(i)) {
                System.out.printf("[scoring-cost] %s at %,7d declarations: %.3f ms wall, %.3f ms CPU per fact"
                        + " (mean of the last %,d facts; %.0f s so far)%n", store, i, wall / 1e6 / facts, cpu / 1e6 / facts,
                        facts, (System.nanoTime() - started) / 1e9);
                wall = 0;
                cpu = 0;
                facts = 0;
            }
        }
        SupplierRecord stored = records.find("SUP-BENCH").orElseThrow();
        if (stored.tally().intakeAccepted() != n || stored.tally().aswVerified() + stored.tally().aswNotVerified() != n) {
            throw new AssertionError("not every fact was counted: " + stored.tally());
        }
        System.out.printf("[scoring-cost] supplier record: %d change tokens, %d intake days kept, score %d, version %d%n",
                stored.applied().size(), stored.tally().intakeByDay().size(), stored.latest().score(),
                stored.latest().version());
    }
}
