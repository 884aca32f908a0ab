package org.originbridge.platform.observability;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP requests that name a declaration ({@code .../declarations/{id}...} in the path, or, for a
 * submission, in the {@code Location} of the answer) are hops of that declaration: while the
 * request is handled the MDC holds its {@value Hops#DECLARATION_ID} (when the path carries it),
 * and one hop line records {@code METHOD /path} and the status. It runs inside Boot's HTTP server
 * observation, so the line carries the request's trace id, which a submission hands on to Kafka.
 * Requests that name no declaration are not logged here.
 */
public final class DeclarationHttpHops extends OncePerRequestFilter {

    private static final Pattern IN_PATH = Pattern.compile("/declarations/([^/?#;]+)");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String fromPath = declarationIn(request.getRequestURI());
        String previous = MDC.get(Hops.DECLARATION_ID);
        if (fromPath != null) {
            MDC.put(Hops.DECLARATION_ID, fromPath);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            String id = fromPath != null ? fromPath : declarationIn(response.getHeader(HttpHeaders.LOCATION));
            if (id != null) {
                MDC.put(Hops.DECLARATION_ID, id);
                String hop = request.getMethod() + " " + request.getRequestURI();
                String status = Integer.toString(response.getStatus());
                Hops.hop(hop, status, () -> "http " + hop + " -> " + status);
            }
            Hops.restore(Hops.DECLARATION_ID, previous);
        }
    }

    /** The declaration id named in a path or URL, or null (also for anything that cannot be an id). */
    static String declarationIn(String pathOrUrl) {
        if (pathOrUrl == null) {
            return null;
        }
        Matcher m = IN_PATH.matcher(pathOrUrl);
        return m.find() ? Hops.declarationId(m.group(1)) : null;
    }
}
