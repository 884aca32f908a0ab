package org.originbridge.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps only what the authorization-code flow must find again: an authorization whose code has
 * been issued and not yet redeemed (or that still waits on its {@code state}). Once the code is
 * exchanged (Spring marks it invalidated) or expires, the authorization is dropped, so a code
 * works once, and self-contained access tokens are never stored: every service validates them on
 * its own, so introspection and revocation have no effect and a token is valid until its
 * {@code exp} (docs/security.md). At most {@value #MAX_PENDING} pending codes are kept (the
 * oldest are forgotten first); client_credentials grants store nothing at all.
 */
final class PendingCodesAuthorizationService implements OAuth2AuthorizationService {

    static final int MAX_PENDING = 10_000;

    private final Clock clock;
    private final Map<String, OAuth2Authorization> pending = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, OAuth2Authorization> eldest) {
            return size() > MAX_PENDING;
        }
    };

    PendingCodesAuthorizationService(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void save(OAuth2Authorization authorization) {
        pending.values().removeIf(a -> !stillPending(a));
        if (stillPending(authorization)) {
            pending.put(authorization.getId(), authorization);
        } else {
            pending.remove(authorization.getId());
        }
    }

    @Override
    public synchronized void remove(OAuth2Authorization authorization) {
        pending.remove(authorization.getId());
    }

    @Override
    public synchronized OAuth2Authorization findById(String id) {
        return pending.get(id);
    }

    @Override
    public synchronized OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        if (token == null) {
            return null;
        }
        for (OAuth2Authorization a : pending.values()) {
            boolean byState = (tokenType == null || OAuth2ParameterNames.STATE.equals(tokenType.getValue()))
                    && token.equals(a.getAttribute(OAuth2ParameterNames.STATE));
            OAuth2Authorization.Token<OAuth2AuthorizationCode> code = a.getToken(OAuth2AuthorizationCode.class);
            boolean byCode = (tokenType == null || OAuth2ParameterNames.CODE.equals(tokenType.getValue()))
                    && code != null && token.equals(code.getToken().getTokenValue());
            if (byState || byCode) {
                return a;
            }
        }
        return null;
    }

    synchronized int size() {
        return pending.size();
    }

    private boolean stillPending(OAuth2Authorization authorization) {
        OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization.getToken(OAuth2AuthorizationCode.class);
        if (code == null) {
            return authorization.getAttribute(OAuth2ParameterNames.STATE) != null && authorization.getAccessToken() == null;
        }
        Instant expires = code.getToken().getExpiresAt();
        return !code.isInvalidated() && authorization.getAccessToken() == null
                && (expires == null || expires.isAfter(clock.instant()));
    }
}
