package org.originbridge.sandbox.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.originbridge.sandbox.dcsa.NotificationSignature;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

class StatusNotifierTest {

    record Received(String id, String timestamp, String signature, String body) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToAnswer = new AtomicInteger();
    private final HttpServer server = start();

    private HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.createContext("/notify", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                int status = failuresToAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
                if (status == 204) {
                    received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                            exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                            exchange.getRequestHeaders().getFirst("webhook-signature"), new String(body, StandardCharsets.UTF_8)));
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            s.start();
            return s;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void eachStatusChangeIsNotifiedOnceSignedAndAFailedDeliveryIsTriedAgain() {
        List<StatusNotifier.Snapshot> now = new ArrayList<>(List.of(new StatusNotifier.Snapshot("D1", "A1", "RECEIVED")));
        StatusNotifier notifier = new StatusNotifier("VN-MOIT",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/notify"), "test-secret",
                () -> List.copyOf(now), RestClient.create(), JsonMapper.builder().build(), Clock.systemUTC());

        assertThat(notifier.deliverChanges()).isEqualTo(1);
        assertThat(notifier.deliverChanges()).as("unchanged: nothing new").isZero();
        now.set(0, new StatusNotifier.Snapshot("D1", "A1", "APPROVED"));
        failuresToAnswer.set(1);
        assertThat(notifier.deliverChanges()).as("the receiver failed").isZero();
        assertThat(notifier.deliverChanges()).as("tried again").isEqualTo(1);

        assertThat(received).hasSize(2);
        Received approved = received.get(1);
        assertThat(approved.body()).contains("\"declarationId\":\"D1\"", "\"status\":\"APPROVED\"", "\"issuingAuthority\":\"VN-MOIT\"");
        assertThat(approved.signature()).isEqualTo(NotificationSignature.sign("test-secret", approved.id(),
                Long.parseLong(approved.timestamp()), approved.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(received.get(0).id()).isNotEqualTo(approved.id());
    }
    @Test
    void theNotificationsOfOneRoundAreSentConcurrently_theRoundEndsWhenAllAreAnswered() throws Exception {
        // the receiver answers only once four notifications are waiting at the same time: passes only if sent concurrently
        java.util.concurrent.CountDownLatch allWaiting = new java.util.concurrent.CountDownLatch(4);
        java.util.concurrent.ExecutorService receiverThreads = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.ExecutorService sends = java.util.concurrent.Executors.newFixedThreadPool(4);
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.setExecutor(receiverThreads);
        List<String> bodies = new CopyOnWriteArrayList<>();
        slow.createContext("/notify", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            allWaiting.countDown();
            try {
                boolean together = allWaiting.await(30, java.util.concurrent.TimeUnit.SECONDS);
                exchange.sendResponseHeaders(together ? 204 : 503, -1);
            } catch (InterruptedException e) {
                exchange.sendResponseHeaders(503, -1);
            }
            exchange.close();
        });
        slow.start();
        try {
            List<StatusNotifier.Snapshot> now = List.of(new StatusNotifier.Snapshot("D1", "A1", "ISSUED"),
                    new StatusNotifier.Snapshot("D2", "A2", "ISSUED"), new StatusNotifier.Snapshot("D3", "A3", "ISSUED"),
                    new StatusNotifier.Snapshot("D4", "A4", "UNDER_REVIEW"));
            StatusNotifier notifier = new StatusNotifier("CN-CCPIT",
                    URI.create("http://127.0.0.1:" + slow.getAddress().getPort() + "/notify"), "test-secret",
                    () -> now, RestClient.create(), JsonMapper.builder().build(), Clock.systemUTC(), sends);

            assertThat(notifier.deliverChanges()).isEqualTo(4);
            assertThat(bodies).hasSize(4);
            assertThat(notifier.deliverChanges()).as("each change once").isZero();
        } finally {
            slow.stop(0);
            sends.shutdownNow();
            receiverThreads.shutdownNow();
        }
    }
}
