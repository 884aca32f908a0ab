package org.originbridge.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** The security layer's refusals as small application/problem+json bodies that echo nothing from the request. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    /** 401 with the RFC 6750 {@code WWW-Authenticate} header Spring Security computes. */
    static AuthenticationEntryPoint unauthorized() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            write(response, HttpStatus.UNAUTHORIZED, "A valid access token is required: send Authorization: Bearer <token> "
                    + "(see bin/originbridge token CLIENT_ID).");
        };
    }

    /** 403 when the token lacks the scope an endpoint needs. */
    static AccessDeniedHandler forbidden() {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            bearer.handle(request, response, exception);
            write(response, HttpStatus.FORBIDDEN, "The access token does not grant the scope this endpoint needs.");
        };
    }

    /** 400 for a URL the firewall refuses (encoded or doubled slashes, dot segments, path parameters, ...). */
    static RequestRejectedHandler rejected() {
        return (request, response, exception) -> write(response, HttpStatus.BAD_REQUEST,
                "Request refused: the URL is not in normalised form (no encoded or doubled slashes, dot segments, "
                        + "path parameters or control characters).");
    }

    static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String body = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "'") + "\"}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
