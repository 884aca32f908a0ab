package org.originbridge.sandbox.auth;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.originbridge.sandbox.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call each party, as Spring Security authorization rules over the paths Spring MVC
 * routes (decoded and normalised; the firewall refuses encoded slashes, dot segments and
 * path parameters before any rule runs), so {@code /%61sw/...} is an ASW path like {@code /asw/...}.
 * ASW and DCSA take any of their listed client tokens (DCSA is open when none is listed); CCPIT
 * takes only the token of the applicant named in {@code X-Applicant-Id}. Refusals are
 * problem+json: 401 with {@code WWW-Authenticate: Bearer realm="<party>"}, or 400 naming the
 * missing {@code X-Applicant-Id} header.
 */
public final class PartyAuthorization {

    public static final String APPLICANT_HEADER = "X-Applicant-Id";

    public static final String ASW_PATHS = "/asw/**";
    public static final String CCPIT_PATHS = "/ccpit/**";
    /** CCPIT's public certificate lookup (number + verification code) needs no token, as on the real site. */
    public static final String CCPIT_PUBLIC_LOOKUP_PATHS = "/ccpit/v1/certificates/**";
    public static final String DCSA_PATHS = "/dcsa/**";
    /** The partners' customs verification channels ({@code /customs/{party}/...}): the ASW client tokens. */
    public static final String CUSTOMS_PATHS = "/customs/**";
    /** {@code POST /{party}/oauth2/token}: open, the endpoint checks the client's credentials. */
    public static final String[] TOKEN_ENDPOINTS = {"/asw/oauth2/token", "/ccpit/oauth2/token", "/dcsa/oauth2/token"};

    private static final RequestMatcher ASW = PathPatternRequestMatcher.withDefaults().matcher(ASW_PATHS);
    private static final RequestMatcher CCPIT = PathPatternRequestMatcher.withDefaults().matcher(CCPIT_PATHS);
    private static final RequestMatcher DCSA = PathPatternRequestMatcher.withDefaults().matcher(DCSA_PATHS);
    private static final RequestMatcher CUSTOMS = PathPatternRequestMatcher.withDefaults().matcher(CUSTOMS_PATHS);

    private final PartyTokens tokens;

    public PartyAuthorization(PartyTokens tokens) {
        this.tokens = tokens;
    }

    public AuthorizationManager<RequestAuthorizationContext> asw() {
        return decide(request -> tokens.aswAccepts(bearer(request)));
    }

    /** The customs channels take the destination-verification clients' tokens (the ASW ones, static or OAuth2). */
    public AuthorizationManager<RequestAuthorizationContext> customs() {
        return decide(request -> tokens.aswAccepts(bearer(request)));
    }

    public AuthorizationManager<RequestAuthorizationContext> ccpit() {
        return decide(request -> {
            String applicant = applicant(request);
            return applicant != null && tokens.ccpitAccepts(applicant, bearer(request));
        });
    }

    public AuthorizationManager<RequestAuthorizationContext> dcsa() {
        return decide(request -> tokens.dcsaOpen() || tokens.dcsaAccepts(bearer(request)));
    }

    /** Answers a refused request (used as both the entry point and the access-denied handler). */
    public void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (CCPIT.matches(request) && applicant(request) == null) {
            Problems.writeFieldError(response, request, APPLICANT_HEADER, "header is required");
            return;
        }
        if (ASW.matches(request)) {
            unauthorized(request, response, "asw", "a valid ASW client bearer token is required");
        } else if (CCPIT.matches(request)) {
            unauthorized(request, response, "ccpit", "CCPIT accepts messages only from the applicant itself: the bearer "
                    + "token must be the one issued to " + APPLICANT_HEADER);
        } else if (CUSTOMS.matches(request)) {
            unauthorized(request, response, "customs", "a valid verification client bearer token is required");
        } else if (DCSA.matches(request)) {
            unauthorized(request, response, "dcsa", "a valid DCSA client bearer token is required");
        } else {
            Problems.write(response, request, HttpStatus.FORBIDDEN, "Forbidden", "access denied");
        }
    }

    private static AuthorizationManager<RequestAuthorizationContext> decide(
            java.util.function.Predicate<HttpServletRequest> rule) {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                    RequestAuthorizationContext context) {
                return new AuthorizationDecision(rule.test(context.getRequest()));
            }
        };
    }

    private static String bearer(HttpServletRequest request) {
        return PartyTokens.bearer(request.getHeader("Authorization")).orElse(null);
    }

    private static String applicant(HttpServletRequest request) {
        String applicant = request.getHeader(APPLICANT_HEADER);
        return applicant == null || applicant.isBlank() ? null : applicant.trim();
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, String realm, String detail)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"" + realm + "\"");
        Problems.write(response, request, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    }
}
