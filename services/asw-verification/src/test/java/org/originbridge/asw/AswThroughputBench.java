package org.originbridge.asw;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.intake.ProofOfOriginType;
import org.originbridge.platform.Topics;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not part of the test command (its name matches neither *Test nor *IT): verified/s of this service
 * alone, real broker + registry + embedded Mongo + the sandbox at its default 20-80 ms latency, with
 * at most 3 calls in flight (as before issue 11: one blocking call per partition, 3 partitions) and
 * with the default 64. Declarations of Origin (verified at once, no issuance needed), produced while
 * the listener is paused, then timed from resume until every one is verified. Run:
 * {@code ./mvnw -B -ntp -o -pl services/asw-verification -am verify -Dit.test=AswThroughputBench
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dbench.n=1000}
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "originbridge.asw.oauth.client-id=" + SandboxProcess.ASW_OAUTH_CLIENT_ID,
    "originbridge.asw.oauth.client-secret=" + SandboxProcess.ASW_OAUTH_CLIENT_SECRET,
    "originbridge.asw.revocation-poll-interval=1h",
})
class AswThroughputBench {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        RealInfrastructure.registerProperties(registry);
        EmbeddedMongo.registerProperties(registry, "asw-verification-bench");
        Path keys = Files.createTempDirectory("asw-bench-keys");
        registry.add("originbridge.signing.key-dir", keys::toString);
        registry.add("originbridge.asw.base-url", SandboxProcess::baseUrl);
        registry.add("originbridge.asw.oauth.token-uri", () -> SandboxProcess.baseUrl() + "/asw/oauth2/token");
    }

    @Autowired KafkaTemplate<String, Object> template;
    @Autowired KafkaListenerEndpointRegistry listeners;
    @Autowired ThreadPoolTaskExecutor verificationWorkers;
    @Autowired MeterRegistry meters;

    @Test
    void verifiedPerSecondBeforeAndAfter() {
        int n = Integer.getInteger("bench.n", 1000);
        SandboxProcess.chaos("{\"latencyMinMs\":20,\"latencyMaxMs\":80,\"failureRate\":0,\"rateLimitPerSecond\":0}");
        // warm-up (connections, token, JIT)
        run(20, 64);
        double before = run(n, 3);
        double after = run(n, 64);
        System.out.printf("%nBENCH asw-verification verified/s, sandbox latency 20-80 ms, %d declarations: "
                + "3 in flight (before) %.1f/s, 64 in flight (after) %.1f/s, ratio %.1fx%n%n", n, before, after, after / before);
    }

    private double run(int n, int inFlight) {
        verificationWorkers.setMaxPoolSize(Math.max(inFlight, verificationWorkers.getCorePoolSize()));
        verificationWorkers.setCorePoolSize(inFlight);
        verificationWorkers.setMaxPoolSize(inFlight);
        MessageListenerContainer container = listeners.getListenerContainer("asw-verification-accepted");
        container.pause();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(container::isContainerPaused);
        String run = UUID.randomUUID().toString().substring(0, 8);
        double start = verified();
        for (int i = 0; i < n; i++) {
            String id = "BENCH-" + run + "-" + i;
            DeclarationAccepted a = TestDeclarations.accepted(id, "DOO-" + id, "Shenzhen Widgets Co.", "MY");
            DeclarationAccepted doo = DeclarationAccepted.newBuilder(a).setDeclaration(DeclarationSubmitted.newBuilder(a.getDeclaration())
                    .setDocumentType(ProofOfOriginType.DECLARATION_OF_ORIGIN).setApprovedExporterCode("AE-CN-1").build()).build();
            template.send(Topics.DECLARATIONS_ACCEPTED, id, doo);
        }
        template.flush();
        long t0 = System.nanoTime();
        container.resume();
        Awaitility.await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(100)).until(() -> verified() >= start + n);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = n / seconds;
        System.out.printf("BENCH %d declarations, %d in flight: %.1f s, %.1f verified/s%n", n, inFlight, seconds, rate);
        return rate;
    }

    private double verified() {
        return meters.find("originbridge.asw.outcomes").counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
