package org.originbridge.sandbox.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each party's OAuth2 token endpoint (RFC 6749 section 4.4, client credentials):
 * {@code POST /{asw|ccpit|dcsa}/oauth2/token} with {@code grant_type=client_credentials} and the
 * client's id and secret as HTTP Basic ({@code client_secret_basic}). For CCPIT the client id is
 * the applicant id, and the token is accepted only with that {@code X-Applicant-Id}.
 * Answers {@code {"access_token", "token_type": "Bearer", "expires_in"}}, or the RFC's errors:
 * 401 {@code invalid_client}, 400 {@code invalid_request} / {@code unsupported_grant_type}.
 */
@RestController
public class TokenController {

    private final PartyTokens tokens;

    public TokenController(PartyTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping(path = "/{party:asw|ccpit|dcsa}/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<Map<String, Object>> token(@PathVariable String party,
            @RequestParam(name = "grant_type", required = false) String grantType,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        String[] credentials = basic(authorization);
        if (credentials == null || !tokens.clientAuthenticates(party, credentials[0], credentials[1])) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + party + "\"")
                    .cacheControl(CacheControl.noStore())
                    .body(Map.of("error", "invalid_client"));
        }
        if (grantType == null) {
            return error("invalid_request", "grant_type is required");
        }
        if (!"client_credentials".equals(grantType)) {
            return error("unsupported_grant_type", "only client_credentials");
        }
        IssuedTokens.Issued issued = tokens.issue(party, credentials[0]);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.token());
        body.put("token_type", "Bearer");
        body.put("expires_in", issued.expiresInSeconds());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private static ResponseEntity<Map<String, Object>> error(String error, String description) {
        return ResponseEntity.badRequest().cacheControl(CacheControl.noStore())
                .body(Map.of("error", error, "error_description", description));
    }

    /** {id, secret} from {@code Authorization: Basic base64(id:secret)}, or null. */
    static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
}
