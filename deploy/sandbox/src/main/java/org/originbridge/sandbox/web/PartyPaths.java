package org.originbridge.sandbox.web;

import jakarta.servlet.http.HttpServletRequest;

/** The URL spaces of the parties the sandbox plays; chaos and authentication apply to these only. */
public final class PartyPaths {

    public static final String ASW = "/asw/";
    public static final String CCPIT = "/ccpit/";
    public static final String CCPIT_PUBLIC_LOOKUP = "/ccpit/v1/certificates/";
    public static final String DCSA = "/dcsa/";

    private PartyPaths() {}

    public static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    public static boolean isPartyEndpoint(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith(ASW) || path.startsWith(CCPIT) || path.startsWith(DCSA);
    }
}
