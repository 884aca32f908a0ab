package org.originbridge.runtime.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fault-injection suite against the real processes of a chaos stack ({@code bin/originbridge
 * chaos [SCENARIO...]}, docs/testing.md). Each scenario: a few declarations that finish before the
 * fault (their codes are read), load at a fixed rate while the fault is injected, recovery, a
 * bounded wait for every declaration's final outcome, then a LEDGER CHECK printed as counts.
 * <p>
 * Nominal rate: {@value #NOMINAL_PER_SECOND} declaration per second (86,400 a day, far above the
 * certificates one exporter files); the soak runs at twice that.
 */
public final class ChaosSuite {

    static final double NOMINAL_PER_SECOND = 1.0;
    static final List<String> SERVICES = List.of("declaration-intake", "asw-verification", "ccpit-sync", "logistics-ingestion",
            "compliance-scoring", "status-query");
    /** Consumers that take part in the declaration pipeline (scenario f). */
    static final List<String> PIPELINE_CONSUMERS = List.of("declaration-intake", "asw-verification", "ccpit-sync",
            "compliance-scoring", "status-query");
    static final List<String> ORDER = List.of("d", "e", "a", "c", "f", "b", "h");

    private final ChaosEnvironment env;
    private final ChaosApi api;
    private final ChaosStack stack;
    private final TopicCounts topics;
    private final ObjectNode template;
    private final String runId;
    private final Path results;
    private final Duration catchUp;
    private final Duration soak;

    ChaosSuite(ChaosEnvironment env, Duration catchUp, Duration soak) throws IOException {
        this.env = env;
        this.api = new ChaosApi(env);
        this.stack = new ChaosStack(env);
        this.topics = new TopicCounts(env.bootstrap());
        this.template = (ObjectNode) ChaosApi.JSON.readTree(
                env.root().resolve("deploy/demo/declarations/01-co-power-adapters-cn-jp.json").toFile());
        this.runId = "CHAOS-" + Long.toString(System.currentTimeMillis() / 1000 % 1_000_000_000L, 36).toUpperCase();
        Files.createDirectories(env.data().resolve("chaos"));
        this.results = env.data().resolve("chaos").resolve(runId + ".txt");
        this.catchUp = catchUp;
        this.soak = soak;
    }

    public static void main(String[] args) throws Exception {
        Path root = null, data = null;
        Duration catchUp = Duration.ofMinutes(6), soak = Duration.ofMinutes(10);
        List<String> scenarios = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--catch-up-minutes" -> catchUp = Duration.ofMinutes(Long.parseLong(args[++i]));
                case "--soak-minutes" -> soak = Duration.ofMinutes(Long.parseLong(args[++i]));
                default -> {
                    if (!ORDER.contains(args[i])) {
                        System.err.println("unknown scenario " + args[i] + " (one of " + ORDER + ")");
                        System.exit(2);
                    }
                    scenarios.add(args[i]);
                }
            }
        }
        if (root == null || data == null) {
            System.err.println("usage: ChaosSuite --root REPO --data CHAOS_DATA_DIR [--catch-up-minutes N] [--soak-minutes N] [a b c d e f h]");
            System.exit(2);
        }
        if (scenarios.isEmpty()) {
            scenarios.addAll(ORDER);
        }
        ChaosSuite suite = new ChaosSuite(ChaosEnvironment.fromProcess(root, data), catchUp, soak);
        System.exit(suite.run(scenarios) ? 0 : 1);
    }

    boolean run(List<String> scenarios) throws Exception {
        say("chaos run " + runId + " on " + Runtime.getRuntime().availableProcessors() + " cores; results also in " + results);
        List<LedgerCheck.Result> all = new ArrayList<>();
        for (String s : scenarios) {
            Instant t0 = Instant.now();
            LedgerCheck.Result r;
            try {
                r = switch (s) {
                    case "a" -> killEachService();
                    case "b" -> killBroker();
                    case "c" -> rollingRestart();
                    case "d" -> poison();
                    case "e" -> counterpartOutage();
                    case "f" -> secondInstances();
                    case "h" -> soak();
                    default -> throw new IllegalArgumentException(s);
                };
            } catch (Exception e) {
                r = new LedgerCheck.Result(s, 0, Map.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(),
                        List.of("the scenario could not run to its end: " + e));
                e.printStackTrace();
            }
            all.add(r);
            say(r.format() + "  took " + Duration.between(t0, Instant.now()).toSeconds() + " s");
        }
        say("SUMMARY " + runId);
        boolean ok = true;
        for (LedgerCheck.Result r : all) {
            say(String.format("  %-2s %-4s submitted %4d  outcomes %s  dead-lettered %d  ASW repeated/second-key %d/%d  "
                    + "CCPIT repeated/second-key %d/%d  verifications republished identical/differing %d/%d  codes unchanged %d/%d",
                    r.scenario(), r.passed() ? "PASS" : "FAIL", r.submitted(), r.outcomes(), r.deadLettered(), r.aswRepeatedCalls(),
                    r.aswSecondKeys(), r.ccpitRepeatedCalls(), r.ccpitSecondKeys(), r.verificationsRepublished(),
                    r.verificationsDiffering(), r.codesCompared() - r.codesChanged(), r.codesCompared()));
            ok &= r.passed();
        }
        return ok;
    }

    // --- scenarios ------------------------------------------------------------------------

    /** (a) kill -9 each service in turn while declarations flow, restart it. */
    private LedgerCheck.Result killEachService() throws Exception {
        return underLoad("a", "kill -9 each service mid-load, restart it", NOMINAL_PER_SECOND, notes -> {
            for (String service : SERVICES) {
                long pid = stack.pid(service).orElse(-1L);
                stack.kill9(service);
                notes.add("killed " + service + " (pid " + pid + ") at " + Instant.now());
                Thread.sleep(3000);
                stack.up(service);
            }
        });
    }

    /** (b) kill -9 the broker (producers use acks=all), restart it. */
    private LedgerCheck.Result killBroker() throws Exception {
        return underLoad("b", "kill -9 the Kafka broker under acks=all, restart it", NOMINAL_PER_SECOND, notes -> {
            stack.kill9("kafka");
            notes.add("killed kafka at " + Instant.now());
            Thread.sleep(5000);
            stack.up("kafka");
            notes.add("kafka back at " + Instant.now());
        });
    }

    /** (c) graceful restart of every service, one after the other. */
    private LedgerCheck.Result rollingRestart() throws Exception {
        return underLoad("c", "rolling restart of every service", NOMINAL_PER_SECOND, notes -> {
            for (String service : SERVICES) {
                stack.down(service);
                stack.up(service);
            }
        });
    }

    /** (e) every ASW, CCPIT and DCSA call answers 503 for 2 minutes. */
    private LedgerCheck.Result counterpartOutage() throws Exception {
        return underLoad("e", "ASW and CCPIT down (sandbox failureRate 1.0) for 2 minutes", NOMINAL_PER_SECOND, notes -> {
            api.sandboxFailureRate(1.0);
            notes.add("sandbox failureRate 1.0 at " + Instant.now());
            try {
                Thread.sleep(Duration.ofMinutes(2).toMillis());
            } finally {
                api.sandboxFailureRate(0.0);
                notes.add("sandbox failureRate 0.0 at " + Instant.now());
            }
        });
    }

    /** (f) a second instance of each pipeline consumer joins (rebalance), then leaves (rebalance). */
    private LedgerCheck.Result secondInstances() throws Exception {
        return underLoad("f", "a second instance of each consumer joins and leaves", NOMINAL_PER_SECOND, notes -> {
            int port = env.port("status-query") + 50;
            try {
                for (String service : PIPELINE_CONSUMERS) {
                    stack.startSecondInstance(service, port++);
                    notes.add("second " + service + " launched at " + Instant.now());
                }
                for (String service : PIPELINE_CONSUMERS) {
                    boolean started = stack.awaitSecondInstanceStarted(service, Duration.ofMinutes(4));
                    notes.add("second " + service + (started ? " started (joined its group) by " : " NOT started by ") + Instant.now());
                }
                Thread.sleep(Duration.ofSeconds(60).toMillis());
            } finally {
                stack.stopAllSecondInstances();
                notes.add("second instances stopped at " + Instant.now());
            }
        });
    }

    /** (h) twice the nominal rate for the soak duration; latencies printed. */
    private LedgerCheck.Result soak() throws Exception {
        return underLoad("h", "soak: " + soak.toMinutes() + " minutes at twice the nominal rate (" + 2 * NOMINAL_PER_SECOND + "/s)",
                2 * NOMINAL_PER_SECOND, notes -> Thread.sleep(soak.toMillis()));
    }

    /** (d) poison bytes and an unknown schema id onto coo-declarations-submitted between valid declarations. */
    private LedgerCheck.Result poison() throws Exception {
        String poisonBytes = runId + "-d-POISON-BYTES";
        String unknownSchema = runId + "-d-POISON-SCHEMA";
        LedgerCheck.Result r = underLoad("d", "poison bytes and an unknown schema id under load", NOMINAL_PER_SECOND, notes -> {
            topics.send("coo-declarations-submitted", poisonBytes, "not avro at all".getBytes(StandardCharsets.UTF_8));
            ByteBuffer unknown = ByteBuffer.allocate(9).put((byte) 0).putInt(987_654_321).putInt(42);
            topics.send("coo-declarations-submitted", unknownSchema, unknown.array());
            notes.add("sent 2 poison records at " + Instant.now());
            Thread.sleep(20_000);
        });
        Map<String, Integer> dlt = deadLetters(Set.of(poisonBytes, unknownSchema)::contains);
        List<String> notes = new ArrayList<>(r.notes());
        List<String> problems = new ArrayList<>(r.problems());
        for (String key : List.of(poisonBytes, unknownSchema)) {
            int n = dlt.getOrDefault(key, 0);
            notes.add("poison " + key + ": " + n + " dead letter(s) (one per consumer application of the topic)");
            if (n == 0) {
                problems.add("poison " + key + " was not dead-lettered");
            }
        }
        return new LedgerCheck.Result(r.scenario(), r.submitted(), r.outcomes(), r.deadLettered(), r.aswRepeatedCalls(),
                r.aswSecondKeys(), r.ccpitRepeatedCalls(), r.ccpitSecondKeys(), r.verificationsRepublished(), r.verificationsDiffering(), r.codesCompared(),
                r.codesChanged(), notes, problems);
    }

    // --- the common frame -------------------------------------------------------------------

    interface Fault {
        void inject(List<String> notes) throws Exception;
    }

    private LedgerCheck.Result underLoad(String scenario, String title, double perSecond, Fault fault) throws Exception {
        say("");
        say("=== (" + scenario + ") " + title + " ===");
        Traffic traffic = new Traffic(api, template, runId + "-" + scenario);
        List<String> notes = new ArrayList<>();
        // 1. declarations that finish before the fault: their codes are the "before"
        List<String> early = traffic.submitNow(5, Duration.ofMinutes(3));
        int stillPending = traffic.awaitFinal(early, Duration.ofMinutes(5));
        Map<String, LedgerCheck.Codes> before = new HashMap<>();
        for (String id : early) {
            if (LedgerCheck.outcome(traffic.status(id)) != LedgerCheck.Outcome.PENDING) {
                before.put(id, LedgerCheck.codes(traffic.status(id)));
            }
        }
        say("  " + before.size() + " declarations finished before the fault (" + stillPending + " not)");
        // 2. load, the fault in the middle of it
        Instant loadStart = Instant.now();
        traffic.startLoad(perSecond, catchUp);
        Thread.sleep(10_000);
        try {
            fault.inject(notes);
        } finally {
            Thread.sleep(10_000);
            traffic.stopLoad();
        }
        say("  load stopped after " + Duration.between(loadStart, Instant.now()).toSeconds() + " s; " + traffic.submitted()
                + " declarations submitted, " + traffic.failedSubmitAttempts() + " refused/unanswered attempts (retried)");
        traffic.drainSubmissions(catchUp);
        // 3. bounded catch-up
        Instant recovered = Instant.now();
        int pending = traffic.awaitFinal(traffic.acceptedIds(), catchUp);
        say("  " + (pending == 0 ? "all final " : pending + " still without outcome ") + Duration.between(recovered, Instant.now()).toSeconds()
                + " s after the load stopped");
        // 4. ledger
        return ledger(scenario, traffic, before, notes);
    }

    private LedgerCheck.Result ledger(String scenario, Traffic traffic, Map<String, LedgerCheck.Codes> before, List<String> notes)
            throws Exception {
        String prefix = traffic.prefix() + "-";
        Map<String, Integer> dlt = deadLetters(k -> k.startsWith(prefix));
        Map<String, Integer> verifications = topics.countByKey(List.of("asw-verifications"), k -> k.startsWith(prefix));
        Map<String, Integer> distinctVerifications = topics.distinctValuesByKey(List.of("asw-verifications"), k -> k.startsWith(prefix));
        JsonNode ledger = api.sandboxLedger();
        List<LedgerCheck.Observed> observed = new ArrayList<>();
        List<Long> toVerified = new ArrayList<>(), toIssued = new ArrayList<>();
        for (String id : traffic.acceptedIds()) {
            JsonNode status = traffic.status(id);
            JsonNode asw = ledger.path("asw").path(id), ccpit = ledger.path("ccpit").path(id);
            observed.add(new LedgerCheck.Observed(id, status, asw.path("calls").asInt(0), asw.path("idempotencyKeys").size(),
                    ccpit.path("calls").asInt(0), ccpit.path("idempotencyKeys").size(), verifications.getOrDefault(id, 0),
                    distinctVerifications.getOrDefault(id, 0), dlt.getOrDefault(id, 0)));
            if (status != null) {
                Duration v = Traffic.between(traffic.acceptedAt(id), text(status.path("verification").path("verifiedAt")));
                Duration i = Traffic.between(traffic.acceptedAt(id), text(status.path("issuance").path("current").path("changedAt")));
                if (v != null) {
                    toVerified.add(v.toMillis());
                }
                if (i != null && "ISSUED".equals(text(status.path("issuance").path("current").path("status")))) {
                    toIssued.add(i.toMillis());
                }
            }
        }
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.add("latency accepted -> VERIFIED " + Percentiles.of(toVerified).format());
        allNotes.add("latency accepted -> ISSUED   " + Percentiles.of(toIssued).format());
        return LedgerCheck.check(scenario, observed, before, allNotes, List.of());
    }

    private Map<String, Integer> deadLetters(java.util.function.Predicate<String> keys) throws Exception {
        return topics.countByKey(topics.topics(t -> t.endsWith("-dlt")), keys);
    }

    private void say(String line) throws IOException {
        System.out.println(line);
        Files.writeString(results, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    /** p50 / p99 / max of a list of milliseconds. */
    record Percentiles(int count, long p50, long p99, long max) {
        static Percentiles of(List<Long> millis) {
            if (millis.isEmpty()) {
                return new Percentiles(0, 0, 0, 0);
            }
            List<Long> sorted = new ArrayList<>(millis);
            sorted.sort(null);
            return new Percentiles(sorted.size(), at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1));
        }

        private static long at(List<Long> sorted, double q) {
            int index = (int) Math.ceil(q * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }

        String format() {
            return String.format("n=%d p50=%.1f s p99=%.1f s max=%.1f s", count, p50 / 1000.0, p99 / 1000.0, max / 1000.0);
        }
    }
}
