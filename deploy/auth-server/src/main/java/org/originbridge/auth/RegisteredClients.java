package org.originbridge.auth;

import java.time.Duration;
import java.util.List;

import org.originbridge.auth.clients.ClientDefinition;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Turns the client definitions into Spring Authorization Server registrations: client_credentials
 * only, client_secret_basic only, the secret kept as a password hash, self-contained (JWT)
 * access tokens, and the identity claims in the client settings for {@link IdentityClaims}.
 * <p>
 * One exception to client_secret_basic: a {@code service} client (registry only) may also send
 * its secret in the form body (client_secret_post), because the Apicurio Registry serdes' token
 * client ({@code apicurio.auth.client.*}) can do nothing else.
 */
final class RegisteredClients {

    static final String ROLE = "originbridge.role";
    static final String TENANTS = "originbridge.tenants";
    static final String IMPORTER = "originbridge.importer";
    static final String REGISTRY_ROLE = "originbridge.registry-role";
    /** The client's scopes in the order its definition lists them (the registration keeps a set). */
    static final String SCOPE_ORDER = "originbridge.scope-order";

    private RegisteredClients() {
    }

    static InMemoryRegisteredClientRepository repository(List<ClientDefinition> clients, PasswordEncoder encoder,
            Duration accessTokenTtl) {
        return new InMemoryRegisteredClientRepository(
                clients.stream().map(client -> registration(client, encoder, accessTokenTtl)).toList());
    }

    static RegisteredClient registration(ClientDefinition client, PasswordEncoder encoder, Duration accessTokenTtl) {
        if (client.signIn()) {
            return signInRegistration(client, encoder, accessTokenTtl);
        }
        ClientSettings.Builder settings = ClientSettings.builder()
                .requireAuthorizationConsent(false)
                .setting(ROLE, client.role())
                .setting(TENANTS, client.tenants())
                .setting(SCOPE_ORDER, client.scopes());
        if (client.importer() != null) {
            settings.setting(IMPORTER, client.importer());
        }
        if (client.registryRole() != null) {
            settings.setting(REGISTRY_ROLE, client.registryRole());
        }
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientSecret(encoder.encode(client.clientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethods(methods -> {
                    if (IdentityContract.SERVICE.equals(client.role())) {
                        methods.add(ClientAuthenticationMethod.CLIENT_SECRET_POST);
                    }
                })
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .clientSettings(settings.build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(accessTokenTtl)
                        .build())
                .build();
    }

    /**
     * A sign-in client (the importer portal): authorization code with PKCE (S256) required,
     * client_secret_basic at the token endpoint, its registered redirect URIs only (a loopback
     * {@code http://127.0.0.1/...} URI matches any port, RFC 8252 section 7.3), no consent page
     * (first-party), no refresh tokens, codes valid 2 minutes. The token speaks for the user
     * ({@link IdentityClaims}).
     */
    private static RegisteredClient signInRegistration(ClientDefinition client, PasswordEncoder encoder,
            Duration accessTokenTtl) {
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientSecret(encoder.encode(client.clientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(client.redirectUris()))
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .setting(SCOPE_ORDER, client.scopes())
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(accessTokenTtl)
                        .authorizationCodeTimeToLive(Duration.ofMinutes(2))
                        .build())
                .build();
    }
}
