package org.originbridge.platform.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.springframework.http.HttpRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * Outbound OAuth2 client credentials (RFC 6749 section 4.4) for a service's {@code RestClient}
 * towards a counterpart (ASW, CCPIT, the DCSA port feed): Spring Security's
 * {@link OAuth2ClientHttpRequestInterceptor} with one client registration per credential, each
 * authenticating at its token endpoint with {@code client_secret_basic}. A token is reused until it
 * expires; a 401/403 from the counterpart forgets it, so the next call (the ExternalCall retry)
 * fetches a new one. Tokens are held per registration under one fixed service principal (never the
 * caller's identity), so a request resolved to registration A can only ever carry A's token.
 * <p>
 * Wired by hand rather than by Boot's {@code spring.security.oauth2.client.*} auto-configuration,
 * which would also bring Boot's web security defaults into services whose inbound security is the
 * platform's concern. Needs {@code spring-security-oauth2-client} on the service's classpath.
 */
public final class ClientCredentials {

    /** The principal every outbound token is held under: the service itself. */
    private static final Authentication SERVICE = new AnonymousAuthenticationToken(
            "originbridge-service", "originbridge-service", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    /**
     * One client at one token endpoint.
     *
     * @param registrationId the name the request resolver answers for requests that use this client
     */
    public record Client(String registrationId, String tokenUri, String clientId, String clientSecret) {
        public Client {
            Objects.requireNonNull(registrationId, "registrationId");
            Objects.requireNonNull(tokenUri, "tokenUri");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
        }

        @Override
        public String toString() {
            return "Client[" + registrationId + ", " + tokenUri + ", " + clientId + ", secret=***]";
        }
    }

    private ClientCredentials() {
    }

    /** An interceptor where every request uses the one client. */
    public static OAuth2ClientHttpRequestInterceptor single(Client client) {
        return interceptor(List.of(client), request -> client.registrationId());
    }

    /**
     * An interceptor for several clients; {@code registrationFor} names the client of a request, or
     * answers null to send the request without a token from here (the caller's own header stays).
     */
    public static OAuth2ClientHttpRequestInterceptor interceptor(List<Client> clients,
            Function<HttpRequest, String> registrationFor) {
        if (clients.isEmpty()) {
            throw new IllegalArgumentException("at least one OAuth2 client is needed");
        }
        List<ClientRegistration> registrations = new ArrayList<>();
        for (Client client : clients) {
            registrations.add(ClientRegistration.withRegistrationId(client.registrationId())
                    .tokenUri(client.tokenUri())
                    .clientId(client.clientId())
                    .clientSecret(client.clientSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .build());
        }
        InMemoryClientRegistrationRepository repository = new InMemoryClientRegistrationRepository(registrations);
        InMemoryOAuth2AuthorizedClientService authorizedClients = new InMemoryOAuth2AuthorizedClientService(repository);
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
                repository, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
        interceptor.setClientRegistrationIdResolver(registrationFor::apply);
        interceptor.setPrincipalResolver(request -> SERVICE);
        interceptor.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
        return interceptor;
    }
}
