package org.originbridge.auth;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps no authorizations. With client_credentials only and self-contained JWTs that every
 * service validates on its own, there is nothing to look up later; the default in-memory store
 * would keep every token ever issued (it never evicts completed authorizations). Consequence,
 * documented in docs/security.md: introspection and revocation answer "inactive"/no-op; a token
 * is valid until its {@code exp} (15 minutes).
 */
final class NoStoreAuthorizationService implements OAuth2AuthorizationService {

    @Override
    public void save(OAuth2Authorization authorization) {
        // nothing to keep: see the class comment
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        // nothing kept
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return null;
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return null;
    }
}
