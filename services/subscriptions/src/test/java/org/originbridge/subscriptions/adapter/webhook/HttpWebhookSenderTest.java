package org.originbridge.subscriptions.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.originbridge.subscriptions.WebhookReceiver;
import org.originbridge.subscriptions.domain.EventType;
import org.originbridge.subscriptions.domain.SsrfGuard;
import org.originbridge.subscriptions.domain.StoredEvent;
import org.originbridge.subscriptions.domain.Subscription;
import org.originbridge.subscriptions.domain.Viewer;
import org.originbridge.subscriptions.domain.WebhookSecret;
import org.originbridge.subscriptions.domain.WebhookSender;

/** The sender against real sockets: signed, checked at delivery, no redirects, bounded by its read timeout. */
class HttpWebhookSenderTest {

    private final String secret = WebhookSecret.generate();
    private final StoredEvent event = new StoredEvent("evt_0123456789abcdef01234567", 7, EventType.SCORE_CHANGED, "SUP-A",
            "SUP-A", null, Instant.parse("2026-11-30T00:00:00Z"), Instant.now(), "{\"score\":90}");
    private WebhookReceiver receiver;
    private HttpServer redirector;

    @AfterEach
    void close() {
        if (receiver != null) {
            receiver.close();
        }
        if (redirector != null) {
            redirector.stop(0);
        }
    }

    private static HttpWebhookSender sender(Set<String> allowed, Duration readTimeout) {
        return new HttpWebhookSender(new SsrfGuard(allowed, host -> List.of(InetAddress.getAllByName(host))),
                Duration.ofSeconds(2), readTimeout, 4, Clock.systemUTC());
    }

    private Subscription subscription(String url) {
        return new Subscription("sub_1", "client", new Viewer(false, Set.of("SUP-A"), null, false), URI.create(url),
                Set.of(EventType.SCORE_CHANGED), secret, Instant.now());
    }

    @Test
    void aDeliveryIsSignedAndItsSignatureVerifies() throws IOException {
        receiver = new WebhookReceiver(Duration.ofSeconds(3));
        receiver.secret(secret);
        WebhookSender.Attempt attempt = sender(Set.of("127.0.0.1"), Duration.ofSeconds(5)).send(subscription(receiver.url()), event);
        assertThat(attempt.delivered()).as(attempt.detail()).isTrue();
        assertThat(receiver.refused()).isEmpty();
        assertThat(receiver.received()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(event.id());
            assertThat(r.body()).contains("\"type\":\"score.changed\"", "\"fact\":{\"score\":90}", "\"sequence\":7");
        });
    }

    @Test
    void aLoopbackTargetThatIsNotAllowListedIsRefusedAtDeliveryAndNothingArrives() throws IOException {
        receiver = new WebhookReceiver(Duration.ofSeconds(3));
        receiver.secret(secret);
        String https = receiver.url().replace("http://", "https://");
        WebhookSender.Attempt attempt = sender(Set.of(), Duration.ofSeconds(5)).send(subscription(https), event);
        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.detail()).startsWith("refused: ").contains("non-public address");
        assertThat(receiver.attemptsOf(event.id())).isZero();
    }

    @Test
    void redirectsAreNotFollowed() throws IOException {
        receiver = new WebhookReceiver(Duration.ofSeconds(3));
        redirector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger hits = new AtomicInteger();
        redirector.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.getResponseHeaders().add("Location", receiver.elsewhere());
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        redirector.start();
        WebhookSender.Attempt attempt = sender(Set.of("127.0.0.1"), Duration.ofSeconds(5))
                .send(subscription("http://127.0.0.1:" + redirector.getAddress().getPort() + "/hook"), event);
        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.detail()).isEqualTo("HTTP 307");
        assertThat(hits).hasValue(1);
        assertThat(receiver.refused()).as("the redirect target was never called").isEmpty();
    }

    @Test
    void aSlowEndpointIsCutOffByTheReadTimeout() throws IOException {
        receiver = new WebhookReceiver(Duration.ofSeconds(5));
        receiver.secret(secret);
        receiver.behaviour((id, n) -> WebhookReceiver.Answer.SLOW);
        WebhookSender.Attempt attempt = sender(Set.of("127.0.0.1"), Duration.ofMillis(500)).send(subscription(receiver.url()), event);
        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.detail()).containsIgnoringCase("timeout");
    }
}
