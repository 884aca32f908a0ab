package org.originbridge.ccpit.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.originbridge.ccpit.adapter.http.HttpCcpitClient;
import org.originbridge.platform.resilience.ExternalCall;
import org.originbridge.platform.resilience.ExternalCallSettings;
import org.originbridge.sandbox.SandboxApplication;
import org.originbridge.testsupport.WithoutSecurity;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * Issuance throughput against the CCPIT sandbox at its default latency (20-80 ms per call) and step (2 s): N
 * declarations are requested (3 threads, as the listener's 3 partitions), then polled until every one is ISSUED
 * (document retrieved). Prints issuance/s for the previous schedule (checks one after the other, one batch of 50 per
 * 5 s poll interval) and for today's (16 checks in flight, rounds back to back while a batch is full). Not part of
 * the test command (its name is not *Test); run it with
 * {@code ./mvnw -o -pl services/ccpit-sync -am verify -DskipITs -Dtest=IssuanceThroughputBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. Numbers, not assertions: the machine's load decides them.
 */
class IssuanceThroughputBenchmark {

    private static final String SUPPLIER = "SUP-BENCH";
    private static final String TOKEN = "bench-only-ccpit-token";
    private static final int DECLARATIONS = Integer.getInteger("benchmark.declarations", 150);

    private static ConfigurableApplicationContext sandbox;

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void issuancePerSecondBeforeAndAfter() throws Exception {
        String url = startSandbox();
        double before = run(url, "before", 1, Duration.ofSeconds(5), false);
        double after = run(url, "after", 16, Duration.ofSeconds(5), true);
        System.out.printf("%nISSUANCE BENCHMARK (%d declarations, sandbox latency 20-80 ms, step 2 s): before %.1f/s, after %.1f/s (x%.1f)%n%n",
                DECLARATIONS, before, after, after / before);
    }

    private double run(String url, String label, int concurrency, Duration interval, boolean backToBack) throws Exception {
        ExternalCall call = new ExternalCall("ccpit-" + label, new ExternalCallSettings(4, Duration.ofMillis(200),
                Duration.ofSeconds(3), 50, 20, Duration.ofSeconds(15)), new SimpleMeterRegistry());
        HttpCcpitClient client = new HttpCcpitClient(RestClient.builder().baseUrl(url).build(), call);
        SynchronizedStore store = new SynchronizedStore();
        Set<String> issued = ConcurrentHashMap.newKeySet();
        StatusPublisher publisher = (a, qr) -> {
            if (a.status() == IssuanceStatus.ISSUED) {
                issued.add(a.declarationId());
            }
        };
        ExecutorService checks = Executors.newFixedThreadPool(concurrency);
        int batch = 50;
        EcoIssuance issuance = new EcoIssuance(store, Fakes.authorities(client, ApplicantCredentials.parse(SUPPLIER + "=" + TOKEN)),
                new Fakes.Documents(), publisher, a -> new QrTokens.QrToken("qr", Instant.now(), "u"),
                new TrackingPolicy(interval, Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofSeconds(30), batch,
                        Set.of("CERTIFICATE_OF_ORIGIN")), IssuanceMetrics.NONE, Clock.systemUTC(), checks);
        long start = System.nanoTime();
        ExecutorService partitions = Executors.newFixedThreadPool(3);
        List<java.util.concurrent.Future<?>> submitted = new ArrayList<>();
        for (int i = 0; i < DECLARATIONS; i++) {
            String id = "BENCH-" + label + "-" + i;
            submitted.add(partitions.submit(() -> issuance.request(Fakes.request(id, SUPPLIER, "CN"))));
        }
        for (java.util.concurrent.Future<?> f : submitted) {
            f.get();
        }
        partitions.shutdown();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (issued.size() < DECLARATIONS && System.nanoTime() < deadline) {
            Thread.sleep(interval.toMillis()); // the poller's fixed delay
            int rounds = 0;
            EcoIssuance.PollReport report;
            do {
                report = issuance.pollDue();
                rounds++;
            } while (backToBack && report.checked() == batch && rounds < 20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        checks.shutdownNow();
        double rate = issued.size() / seconds;
        System.out.printf("%s: %d checks in flight, %d/%d ISSUED in %.1f s = %.1f issuance/s%n", label, concurrency,
                issued.size(), DECLARATIONS, seconds, rate);
        return rate;
    }

    private static String startSandbox() {
        sandbox = new SpringApplicationBuilder(SandboxApplication.class).run(
                "--server.port=0", "--spring.application.name=originbridge-sandbox",
                "--sandbox.ccpit.applicant-tokens=" + SUPPLIER + "=" + TOKEN,
                "--spring.jmx.enabled=false",
                "--spring.autoconfigure.exclude="
                        + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
                        + "org.originbridge.platform.kafka.KafkaPlatformAutoConfiguration,"
                        + "org.originbridge.platform.signing.SigningAutoConfiguration,"
                        + "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration,"
                        + WithoutSecurity.AUTOCONFIGURATIONS);
        return "http://127.0.0.1:" + ((WebServerApplicationContext) sandbox).getWebServer().getPort();
    }

    /** The fake store with each operation atomic (the checks of a round run on several threads). */
    static final class SynchronizedStore extends Fakes.Store {
        @Override
        public synchronized java.util.Optional<EcoApplication> find(String declarationId) {
            return super.find(declarationId);
        }

        @Override
        public synchronized boolean insert(EcoApplication application) {
            return super.insert(application);
        }

        @Override
        public synchronized boolean update(EcoApplication next, int expectedSequence) {
            return super.update(next, expectedSequence);
        }

        @Override
        public synchronized void reschedule(String declarationId, int sequence, Instant nextCheckAt) {
            super.reschedule(declarationId, sequence, nextCheckAt);
        }

        @Override
        public synchronized void markEmitted(String declarationId, int sequence) {
            super.markEmitted(declarationId, sequence);
        }

        @Override
        public synchronized List<EcoApplication> claimDue(Instant now, Instant leaseUntil, int limit) {
            return super.claimDue(now, leaseUntil, limit);
        }

        @Override
        public synchronized List<EcoApplication> pendingEmissions(Instant changedBefore, int limit) {
            return super.pendingEmissions(changedBefore, limit);
        }
    }
}
