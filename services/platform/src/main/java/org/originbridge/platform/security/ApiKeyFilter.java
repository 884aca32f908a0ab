package org.originbridge.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /api/**}: a request needs {@code Authorization: Bearer <key>} or
 * {@code X-Api-Key: <key>} with a configured key (compared in constant time over SHA-256
 * digests). Public paths pass without a key but are rate-limited per client address.
 * Paths are matched on the request URI as sent, so a URI that could be normalised into another
 * path (dot segments, doubled or encoded slashes, path parameters) is refused before matching.
 * Refusals are problem+json (400, 401, 429).
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    private static final int MAX_TRACKED_CLIENTS = 10_000;
    private static final java.util.regex.Pattern AMBIGUOUS_PATH =
            java.util.regex.Pattern.compile("(?i)(/\\.{1,2}(/|$))|//|;|\\\\|%2e|%2f|%5c|%3b|%00");

    private final List<byte[]> keyDigests;
    private final List<String> publicPaths;
    private final int publicRequestsPerMinute;
    private final AntPathMatcher matcher = new AntPathMatcher();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public ApiKeyFilter(SecurityProperties properties) {
        this.keyDigests = properties.apiKeys().stream().map(String::trim).filter(k -> !k.isEmpty())
                .map(ApiKeyFilter::sha256).toList();
        this.publicPaths = List.copyOf(properties.publicPaths());
        this.publicRequestsPerMinute = properties.publicRequestsPerMinute();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (AMBIGUOUS_PATH.matcher(path).find()) {
            problem(response, HttpStatus.BAD_REQUEST, "Ambiguous request path: dot segments, doubled or encoded "
                    + "slashes and path parameters are not accepted.");
            return;
        }
        if (publicPaths.stream().anyMatch(p -> matcher.match(p, path))) {
            if (!bucketFor(request.getRemoteAddr()).tryConsume(1)) {
                response.setHeader("Retry-After", "60");
                problem(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this address; retry later.");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        String presented = presentedKey(request);
        if (presented == null || !isKnown(presented)) {
            response.setHeader("WWW-Authenticate", "Bearer");
            problem(response, HttpStatus.UNAUTHORIZED,
                    presented == null ? "Missing API key: send Authorization: Bearer <key> or X-Api-Key."
                            : "Unknown API key.");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean isKnown(String presented) {
        byte[] digest = sha256(presented);
        boolean known = false;
        for (byte[] candidate : keyDigests) {
            known |= MessageDigest.isEqual(candidate, digest);
        }
        return known;
    }

    private static String presentedKey(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return request.getHeader("X-Api-Key");
    }

    private Bucket bucketFor(String client) {
        if (buckets.size() > MAX_TRACKED_CLIENTS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(client, c -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(publicRequestsPerMinute)
                        .refillGreedy(publicRequestsPerMinute, Duration.ofMinutes(1)).build())
                .build());
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String body = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
