package org.originbridge.platform.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per client address on the public paths (Bucket4j). The address is
 * {@link HttpServletRequest#getRemoteAddr()}: the TCP peer, or, when the peer is one of the
 * configured trusted proxies ({@code server.tomcat.remoteip.internal-proxies}), the client that
 * proxy names in {@code X-Forwarded-For} (Tomcat's RemoteIpValve). A forwarded header from anyone
 * else is ignored, so it cannot buy a fresh bucket.
 */
final class PublicRateLimitFilter extends OncePerRequestFilter {

    private static final int MAX_TRACKED_CLIENTS = 10_000;

    private final RequestMatcher publicPaths;
    private final int requestsPerMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    PublicRateLimitFilter(RequestMatcher publicPaths, int requestsPerMinute) {
        this.publicPaths = publicPaths;
        this.requestsPerMinute = requestsPerMinute;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !publicPaths.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!bucketFor(request.getRemoteAddr()).tryConsume(1)) {
            response.setHeader("Retry-After", "60");
            ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this address; retry later.");
            return;
        }
        chain.doFilter(request, response);
    }

    private Bucket bucketFor(String client) {
        if (buckets.size() > MAX_TRACKED_CLIENTS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(client, c -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(requestsPerMinute)
                        .refillGreedy(requestsPerMinute, Duration.ofMinutes(1)).build())
                .build());
    }
}
