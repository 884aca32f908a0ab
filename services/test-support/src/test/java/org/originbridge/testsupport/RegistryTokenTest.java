package org.originbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistryTokenTest {

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private URI tokenUrl;

    @BeforeEach
    void tokenEndpoint() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth2/token", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth);
            String expected = "Basic " + Base64.getEncoder().encodeToString("operator:s3cret".getBytes(StandardCharsets.UTF_8));
            byte[] body = expected.equals(auth)
                    ? ("{\"access_token\":\"tok-" + issued.incrementAndGet() + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")
                            .getBytes(StandardCharsets.UTF_8)
                    : "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(expected.equals(auth) ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        tokenUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/token");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theTokenIsFetchedWithClientCredentialsAndReusedUntilAMinuteBeforeItExpires() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T05:00:00Z"));
        RegistryToken token = new RegistryToken(tokenUrl, "operator", "s3cret", clock);

        assertThat(token.get()).isEqualTo("tok-1");
        clock.now = clock.now.plus(Duration.ofSeconds(239));
        assertThat(token.get()).as("still 61 s left").isEqualTo("tok-1");
        clock.now = clock.now.plus(Duration.ofSeconds(1));
        assertThat(token.get()).as("a minute before expiry it is fetched again").isEqualTo("tok-2");
        assertThat(authorizations).hasSize(2);
    }

    @Test
    void aRefusedClientIsAnErrorNamingTheClientNotTheSecret() {
        RegistryToken token = new RegistryToken(tokenUrl, "operator", "wrong", Clock.systemUTC());

        assertThatThrownBy(token::get).hasMessageContaining("operator").hasMessageContaining("401")
                .hasMessageNotContaining("wrong");
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
