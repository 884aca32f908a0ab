package org.originbridge.auth;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves {@code POST /oauth2/token/} as {@code /oauth2/token}. The Apicurio Registry serdes' HTTP
 * client (apicurio-common-rest-client 0.1.18, used for {@code apicurio.auth.service.token.endpoint})
 * always appends a {@code /} to the URL it is given, and Spring Authorization Server matches its token
 * endpoint exactly. Only that one path is rewritten, before Spring Security sees the request, so the
 * request then goes through the token endpoint's own filter chain (client authentication and all).
 */
final class TokenEndpointTrailingSlash extends OncePerRequestFilter {

    static final String TOKEN_PATH = "/oauth2/token";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!(TOKEN_PATH + "/").equals(path)) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRequestURI() {
                return request.getContextPath() + TOKEN_PATH;
            }

            @Override
            public StringBuffer getRequestURL() {
                StringBuffer url = request.getRequestURL();
                return new StringBuffer(url.substring(0, url.length() - 1));
            }

            @Override
            public String getServletPath() {
                return TOKEN_PATH;
            }

            @Override
            public String getPathInfo() {
                return null;
            }
        }, response);
    }
}
