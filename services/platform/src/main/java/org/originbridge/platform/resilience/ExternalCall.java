package org.originbridge.platform.resilience;

import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * One external system (ASW, CCPIT, a port feed) behind bounded retries with exponential backoff
 * and a circuit breaker. HTTP errors are classified once, here: 408, 429 and 5xx and I/O errors
 * are transient (retried); other 4xx are permanent ({@link PermanentExternalFailure}, not
 * retried). When retries are exhausted or the breaker is open, a {@link TransientExternalFailure}
 * reaches the caller, whose Kafka container retries the record later and finally dead-letters it.
 *
 * <p>Metrics: timer {@code originbridge.external.calls} tagged {@code system} and {@code outcome}
 * (success, permanent, transient, rejected), and gauge-like breaker state in the log.
 */
public final class ExternalCall {

    private final String system;
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
    }

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
        }
    }
}
