package org.originbridge.sandbox.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UrlPathHelper;

/**
 * The URL spaces of the parties the sandbox plays; chaos applies to these only. Who may call them
 * is decided by Spring Security ({@code auth.SandboxSecurityConfiguration}).
 */
public final class PartyPaths {

    public static final String ASW = "/asw/";
    public static final String CCPIT = "/ccpit/";
    public static final String DCSA = "/dcsa/";
    /** Viet Nam's issuing authority (its controller checks the enterprise tokens itself). */
    public static final String VN_MOIT = "/vn-moit/";
    public static final String CUSTOMS = "/customs/";

    private PartyPaths() {}

    /**
     * The path within the application as Spring MVC routes it: decoded, path parameters removed
     * ({@code /%61sw/x} and {@code /asw;p=1/x} are {@code /asw/x}). Never the raw URI, which
     * would let such a spelling skip a rule that MVC then routes around.
     */
    public static String path(HttpServletRequest request) {
        return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
    }

    public static boolean isPartyEndpoint(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith(ASW) || path.startsWith(CCPIT) || path.startsWith(DCSA)
                || path.startsWith(VN_MOIT) || path.startsWith(CUSTOMS);
    }

    /**
     * A party's OAuth2 token endpoint ({@code /{party}/oauth2/token}). Chaos leaves these alone, so
     * a scripted "fail the next N calls" counts API calls whether a client holds a token already or not.
     */
    public static boolean isTokenEndpoint(HttpServletRequest request) {
        String path = path(request);
        return isPartyEndpoint(request) && path.endsWith(TOKEN_ENDPOINT_SUFFIX) && path.indexOf('/', 1) == path.length()
                - TOKEN_ENDPOINT_SUFFIX.length();
    }

    private static final String TOKEN_ENDPOINT_SUFFIX = "/oauth2/token";

    /**
     * A destination channel's revocation feed ({@code GET .../v1/revocations}). Chaos leaves it alone
     * too: the feed is polled in the background (every 10 s per channel), and a scripted "fail the
     * next N requests" must count the verification calls the test or fault suite makes, not the polls.
     */
    public static boolean isRevocationFeed(HttpServletRequest request) {
        String path = path(request);
        return "GET".equals(request.getMethod()) && isPartyEndpoint(request) && path.endsWith("/v1/revocations");
    }
}
