package org.originbridge.auth;

import java.util.List;
import java.util.Set;

import org.originbridge.auth.keys.SigningKeys;
import org.originbridge.auth.users.ImporterUser;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Shapes every access token to the identity contract: ES256 with the active key's {@code kid},
 * {@code aud=originbridge}, {@code scope} as a space-separated string, and the client's
 * {@code ob_role}, {@code ob_tenants} and (importers only) {@code ob_importer}, which the client
 * registration carries in its settings (see {@link RegisteredClients}), and, for a client with a
 * schema-registry role, {@code roles} = that role (what Apicurio Registry authorizes by).
 * <p>
 * Tokens of the authorization-code flow speak for the signed-in user instead (see {@code userClaims}).
 * <p>
 * A client-credentials request without {@code scope} gets every scope the client is registered
 * for (RFC 6749 section 3.3 lets the server choose a default); a request naming scopes gets
 * exactly those (the server refuses any the client does not have).
 */
final class IdentityClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final SigningKeys keys;

    IdentityClaims(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        RegisteredClient client = context.getRegisteredClient();
        ClientSettings settings = client.getClientSettings();
        Set<String> granted = context.getAuthorizedScopes().isEmpty() ? client.getScopes() : context.getAuthorizedScopes();
        // in the order the client's definition lists them, so the same grant always reads the same
        List<String> scopes = settings.<List<String>>getSetting(RegisteredClients.SCOPE_ORDER).stream()
                .filter(granted::contains).toList();

        context.getJwsHeader().algorithm(SignatureAlgorithm.ES256).keyId(keys.active().getKeyID());
        if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())) {
            userClaims(context, scopes);
            return;
        }
        context.getClaims()
                .audience(List.of(IdentityContract.AUDIENCE))
                .claim(IdentityContract.SCOPE_CLAIM, String.join(" ", scopes))
                .claim(IdentityContract.ROLE_CLAIM, settings.<String>getSetting(RegisteredClients.ROLE))
                .claim(IdentityContract.TENANTS_CLAIM, settings.<List<String>>getSetting(RegisteredClients.TENANTS));
        String importer = settings.getSetting(RegisteredClients.IMPORTER);
        if (importer != null) {
            context.getClaims().claim(IdentityContract.IMPORTER_CLAIM, importer);
        }
        String registryRole = settings.getSetting(RegisteredClients.REGISTRY_ROLE);
        if (registryRole != null) {
            context.getClaims().claim(IdentityContract.REGISTRY_ROLES_CLAIM, List.of(registryRole));
        }
    }

    /**
     * A signed-in user's token (authorization-code flow): {@code sub} = the user name, the user's
     * role and importer party, no exporter tenants. Only users from {@code users.json} can get here.
     */
    private static void userClaims(JwtEncodingContext context, List<String> scopes) {
        if (!(context.getPrincipal().getPrincipal() instanceof ImporterUser user)) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED,
                    "only users from users.json get tokens through the authorization-code flow", null));
        }
        context.getClaims()
                .subject(user.getUsername())
                .audience(List.of(IdentityContract.AUDIENCE))
                .claim(IdentityContract.SCOPE_CLAIM, String.join(" ", scopes))
                .claim(IdentityContract.ROLE_CLAIM, user.role())
                .claim(IdentityContract.TENANTS_CLAIM, List.of())
                .claim(IdentityContract.IMPORTER_CLAIM, user.importer());
    }
}
