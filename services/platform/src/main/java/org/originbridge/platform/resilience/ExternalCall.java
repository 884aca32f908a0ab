package org.originbridge.platform.resilience;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * One external system (ASW, CCPIT, a port feed) behind bounded retries with exponential backoff
 * and a circuit breaker. HTTP errors are classified once, here: 408, 429 and 5xx and I/O errors
 * are transient (retried); other 4xx are permanent ({@link PermanentExternalFailure}, not
 * retried). When retries are exhausted or the breaker is open, a {@link TransientExternalFailure}
 * reaches the caller, whose Kafka container retries the record with backoff for as long as the
 * outage lasts (never dead-letters it: see {@code FailureClassification}).
 *
 * <p>The breaker moves from open to half-open by itself after {@code openStateWait}, so listeners
 * paused while it is open ({@code BreakerDrivenPause}) resume and their next records are the probe.
 * Every state change is logged and passed to the {@link #onStateChange listeners}.
 *
 * <p>Metrics: timer {@code originbridge.external.calls} tagged {@code system} and {@code outcome}
 * (success, permanent, transient, rejected), and gauge {@code originbridge.external.breaker.state}
 * tagged {@code system} and {@code state}: 1 for the breaker's current state, 0 for the others.
 */
public final class ExternalCall {

    private static final Logger log = LoggerFactory.getLogger(ExternalCall.class);

    private final String system;
    private final List<BiConsumer<String, CircuitBreaker.State>> stateListeners = new CopyOnWriteArrayList<>();
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final MeterRegistry meters;

    public ExternalCall(String system, ExternalCallSettings settings, MeterRegistry meters) {
        this.system = system;
        this.meters = meters;
        this.breaker = CircuitBreaker.of(system, CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(Math.min(settings.slidingWindowSize(), 10))
                .waitDurationInOpenState(settings.openStateWait())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordExceptions(TransientExternalFailure.class)
                .ignoreExceptions(PermanentExternalFailure.class)
                .build());
        this.retry = Retry.of(system, RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.initialBackoff(), 2.0,
                        settings.maxBackoff()))
                .retryExceptions(TransientExternalFailure.class)
                .ignoreExceptions(PermanentExternalFailure.class, CallNotPermittedException.class)
                .build());
        for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
            Gauge.builder("originbridge.external.breaker.state", breaker, b -> b.getState() == state ? 1 : 0)
                    .description("1 for the circuit breaker's current state of an external system, 0 otherwise")
                    .tag("system", system).tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
                    .register(meters);
        }
        breaker.getEventPublisher().onStateTransition(event -> {
            CircuitBreaker.State to = event.getStateTransition().getToState();
            log.warn("{} circuit breaker: {} -> {}", system, event.getStateTransition().getFromState(), to);
            for (BiConsumer<String, CircuitBreaker.State> listener : stateListeners) {
                try {
                    listener.accept(system, to);
                } catch (RuntimeException e) {
                    log.error("{} circuit breaker state listener failed", system, e);
                }
            }
        });
    }

    /** The external system's name (metrics tag, log, breaker name). */
    public String system() {
        return system;
    }

    /** Called with (system, new state) on every breaker state change, on the thread that caused it. */
    public void onStateChange(BiConsumer<String, CircuitBreaker.State> listener) {
        stateListeners.add(listener);
    }

    /** Token endpoint errors worth retrying (RFC 6749 5.2/4.1.2.1, and Spring Security's own for I/O failures). */
    private static final java.util.Set<String> TRANSIENT_TOKEN_ERRORS = java.util.Set.of(
            "invalid_token_response", "server_error", "temporarily_unavailable");

    /** Runs an HTTP call (Spring RestClient or anything throwing its exceptions) resiliently. */
    public <T> T execute(String operation, Supplier<T> call) {
        Supplier<T> classified = () -> classify(operation, call);
        Supplier<T> guarded = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, classified));
        Timer.Sample sample = Timer.start(meters);
        String outcome = "success";
        try {
            return guarded.get();
        } catch (PermanentExternalFailure e) {
            outcome = "permanent";
            throw e;
        } catch (CallNotPermittedException e) {
            outcome = "rejected";
            throw new TransientExternalFailure(system + " circuit breaker is open: " + operation + " not attempted", e);
        } catch (TransientExternalFailure e) {
            outcome = "transient";
            throw e;
        } finally {
            sample.stop(Timer.builder("originbridge.external.calls")
                    .description("Calls to external systems, retries included")
                    .tag("system", system).tag("operation", operation).tag("outcome", outcome)
                    .register(meters));
        }
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    private <T> T classify(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (RestClientResponseException e) {
            int status = e.getStatusCode().value();
            String what = system + " " + operation + " answered " + status;
            if (status == 408 || status == 429 || status >= 500) {
                throw new TransientExternalFailure(what, e);
            }
            throw new PermanentExternalFailure(what + ": " + e.getResponseBodyAsString(), status,
                    e.getResponseBodyAsString(), e);
        } catch (ResourceAccessException e) {
            throw new TransientExternalFailure(system + " " + operation + " unreachable: " + e.getMessage(), e);
        } catch (OAuth2AuthorizationException e) {
            // the counterpart's token endpoint (outbound.ClientCredentials): unreachable, failing or
            // unreadable is transient; refusing our client (invalid_client, ...) is not
            String what = system + " " + operation + ": no access token from the token endpoint ("
                    + (e.getError() == null ? null : e.getError().getErrorCode()) + ")";
            if (tokenRefused(e)) {
                throw new PermanentExternalFailure(what + ": the client was refused", 401, "", e);
            }
            throw new TransientExternalFailure(what, e);
        }
    }

    /** Whether the token endpoint refused the client for good (an OAuth2 error or a 4xx), not just failed. */
    private static boolean tokenRefused(OAuth2AuthorizationException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RestClientResponseException r) {
                int status = r.getStatusCode().value();
                return status != 408 && status != 429 && status < 500;
            }
            if (t instanceof OAuth2AuthorizationException o && o.getError() != null
                    && o.getError().getErrorCode() != null && !TRANSIENT_TOKEN_ERRORS.contains(o.getError().getErrorCode())) {
                return true;
            }
        }
        return false;
    }
}
