package org.originbridge.status.adapter.web;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers of the public pages. Every page ({@code /verify}, {@code /verify/**},
 * {@code /embed/frame}) gets a strict Content-Security-Policy: scripts, styles, images and
 * connections from this origin only, no inline script or style, no plugins, no base URI, forms to
 * this origin; frame-ancestors {@code 'none'}, except {@code /embed/frame}, which the configured
 * origins may frame (in browsers, CSP frame-ancestors overrides the X-Frame-Options that Spring
 * Security writes). All of them, and the module's files under {@code /embed/}, are sent with
 * {@code Referrer-Policy: no-referrer} (the URL carries the code) and {@code nosniff}; the module's
 * files may be loaded cross-origin ({@code Cross-Origin-Resource-Policy: cross-origin}).
 */
final class WebHeaders extends OncePerRequestFilter {

    private static final Pattern ORIGIN = Pattern.compile("\\*|'self'|https?://[A-Za-z0-9.-]+(:\\d{1,5})?");
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors ";

    private final String framedPolicy;

    WebHeaders(List<String> frameAncestors) {
        for (String origin : frameAncestors) {
            if (!ORIGIN.matcher(origin).matches()) {
                throw new IllegalArgumentException("originbridge.web.frame-ancestors: not an origin: " + origin);
            }
        }
        this.framedPolicy = POLICY + (frameAncestors.isEmpty() ? "'none'" : String.join(" ", frameAncestors));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.equals("/verify") || path.startsWith("/verify/") || path.startsWith("/embed/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (path.equals("/embed/frame")) {
            response.setHeader("Content-Security-Policy", framedPolicy);
        } else if (path.startsWith("/embed/")) {
            response.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
        } else {
            response.setHeader("Content-Security-Policy", POLICY + "'none'");
        }
        chain.doFilter(request, response);
    }

    String framedPolicy() {
        return framedPolicy;
    }
}
