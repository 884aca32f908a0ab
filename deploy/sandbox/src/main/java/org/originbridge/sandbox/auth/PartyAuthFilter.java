package org.originbridge.sandbox.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.originbridge.sandbox.web.PartyPaths;
import org.originbridge.sandbox.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bearer-token check per party, answering 401 problem+json with {@code WWW-Authenticate}. CCPIT's
 * public certificate lookup (number + verification code) needs no token, as on the real site.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class PartyAuthFilter extends OncePerRequestFilter {

    public static final String APPLICANT_HEADER = "X-Applicant-Id";

    private final PartyTokens tokens;

    public PartyAuthFilter(PartyTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PartyPaths.isPartyEndpoint(request) || PartyPaths.path(request).startsWith(PartyPaths.CCPIT_PUBLIC_LOOKUP);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = PartyPaths.path(request);
        String token = PartyTokens.bearer(request.getHeader("Authorization")).orElse(null);
        if (path.startsWith(PartyPaths.ASW)) {
            if (!tokens.aswAccepts(token)) {
                unauthorized(request, response, "asw", "a valid ASW client bearer token is required");
                return;
            }
        } else if (path.startsWith(PartyPaths.CCPIT)) {
            String applicant = request.getHeader(APPLICANT_HEADER);
            if (applicant == null || applicant.isBlank()) {
                Problems.writeFieldError(response, request, APPLICANT_HEADER, "header is required");
                return;
            }
            if (!tokens.ccpitAccepts(applicant.trim(), token)) {
                unauthorized(request, response, "ccpit",
                        "CCPIT accepts messages only from the applicant itself: the bearer token must be the one issued to "
                                + APPLICANT_HEADER);
                return;
            }
        } else if (path.startsWith(PartyPaths.DCSA) && !tokens.dcsaOpen() && !tokens.dcsaAccepts(token)) {
            unauthorized(request, response, "dcsa", "a valid DCSA client bearer token is required");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, String realm, String detail)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"" + realm + "\"");
        Problems.write(response, request, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    }
}
