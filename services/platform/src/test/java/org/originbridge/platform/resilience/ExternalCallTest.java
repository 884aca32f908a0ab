package org.originbridge.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

class ExternalCallTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ExternalCall call = new ExternalCall("asw",
            new ExternalCallSettings(3, Duration.ofMillis(1), Duration.ofMillis(2), 50f, 4, Duration.ofMinutes(1)), meters);

    @Test
    void transientFailuresAreRetriedUntilSuccess() {
        AtomicInteger attempts = new AtomicInteger();

        String result = call.execute("verify", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "busy", HttpHeaders.EMPTY, new byte[0], StandardCharsets.UTF_8);
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(attempts).hasValue(3);
        assertThat(meters.get("originbridge.external.calls").tag("outcome", "success").timer().count()).isEqualTo(1);
    }

    @Test
    void retriesAreBoundedAndTheFailureReachesTheCaller() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> call.execute("verify", () -> {
            attempts.incrementAndGet();
            throw new ResourceAccessException("connection refused");
        })).isInstanceOf(TransientExternalFailure.class).hasMessageContaining("unreachable");

        assertThat(attempts).hasValue(3);
    }

    @Test
    void tooManyRequestsIsTransient() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> call.execute("verify", () -> {
            attempts.incrementAndGet();
            throw HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS, "slow down", HttpHeaders.EMPTY, new byte[0], StandardCharsets.UTF_8);
        })).isInstanceOf(TransientExternalFailure.class);

        assertThat(attempts).hasValue(3);
    }

    @Test
    void aPermanentRefusalIsNotRetriedAndKeepsTheBody() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> call.execute("verify", () -> {
            attempts.incrementAndGet();
            throw HttpClientErrorException.create(HttpStatus.BAD_REQUEST, "bad", HttpHeaders.EMPTY,
                    "{\"detail\":\"hsCodes: required\"}".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        })).isInstanceOfSatisfying(PermanentExternalFailure.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.responseBody()).contains("hsCodes");
        });

        assertThat(attempts).hasValue(1);
    }

    @Test
    void theBreakerOpensAfterRepeatedFailuresAndThenStopsCalling() {
        AtomicInteger attempts = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> call.execute("verify", () -> {
                attempts.incrementAndGet();
                throw new ResourceAccessException("down");
            })).isInstanceOf(TransientExternalFailure.class);
        }
        assertThat(call.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        int before = attempts.get();

        assertThatThrownBy(() -> call.execute("verify", () -> {
            attempts.incrementAndGet();
            return "never";
        })).isInstanceOf(TransientExternalFailure.class).hasMessageContaining("circuit breaker is open");

        assertThat(attempts).hasValue(before);
    }
}
