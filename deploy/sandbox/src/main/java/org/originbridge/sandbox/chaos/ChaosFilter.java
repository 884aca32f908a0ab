package org.originbridge.sandbox.chaos;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.originbridge.sandbox.web.PartyPaths;
import org.originbridge.sandbox.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies chaos to every party endpoint (ASW, CCPIT, DCSA), before authentication as a real
 * gateway would: a forced failure from {@code X-Sandbox-Fail}, then a scripted "fail the next N
 * requests" failure, then the rate limit, then the latency, then the random failure rate.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ChaosFilter extends OncePerRequestFilter {

    public static final String FORCE_HEADER = "X-Sandbox-Fail";

    private final ChaosControl chaos;
    private final MeterRegistry meters;

    public ChaosFilter(ChaosControl chaos, MeterRegistry meters) {
        this.chaos = chaos;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PartyPaths.isPartyEndpoint(request) || PartyPaths.isTokenEndpoint(request) || PartyPaths.isRevocationFeed(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String forced = request.getHeader(FORCE_HEADER);
        if (forced != null && !forced.isBlank()) {
            forcedFailure(forced.trim(), request, response);
            return;
        }
        Optional<Integer> scripted = chaos.takeFailNext();
        if (scripted.isPresent()) {
            forcedFailure(Integer.toString(scripted.get()), request, response);
            return;
        }
        Optional<Duration> wait = chaos.tryAcquire();
        if (wait.isPresent()) {
            count("rate-limited");
            tooManyRequests(request, response, retryAfterSeconds(wait.get()), "rate limit of "
                    + chaos.settings().rateLimitPerSecond() + " requests per second exceeded");
            return;
        }
        sleep(chaos.nextLatency());
        if (chaos.drawFailure()) {
            count("random-503");
            unavailable(request, response, "sandbox failure rate " + chaos.settings().failureRate());
            return;
        }
        chain.doFilter(request, response);
    }

    private void forcedFailure(String code, HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (code) {
            case "503" -> {
                count("forced-503");
                unavailable(request, response, "forced by " + FORCE_HEADER);
            }
            case "429" -> {
                count("forced-429");
                tooManyRequests(request, response, 1, "forced by " + FORCE_HEADER);
            }
            case "500" -> {
                count("forced-500");
                Problems.write(response, request, HttpStatus.INTERNAL_SERVER_ERROR, "Sandbox failure", "forced by " + FORCE_HEADER);
            }
            default -> Problems.writeFieldError(response, request, FORCE_HEADER, "must be one of 503, 429, 500");
        }
    }

    private static void unavailable(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader("Retry-After", "1");
        Problems.write(response, request, HttpStatus.SERVICE_UNAVAILABLE, "Service temporarily unavailable", detail);
    }

    private static void tooManyRequests(HttpServletRequest request, HttpServletResponse response, long retryAfter, String detail)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfter));
        Problems.write(response, request, HttpStatus.TOO_MANY_REQUESTS, "Too many requests", detail);
    }

    /** Retry-After is whole seconds; never 0, which clients read as "now". */
    static long retryAfterSeconds(Duration wait) {
        long seconds = (wait.toNanos() + 999_999_999L) / 1_000_000_000L;
        return Math.max(1, seconds);
    }

    private void count(String kind) {
        meters.counter("sandbox.chaos.injected", "kind", kind).increment();
    }

    private static void sleep(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(latency.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
