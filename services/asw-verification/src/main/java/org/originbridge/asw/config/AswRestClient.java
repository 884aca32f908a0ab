package org.originbridge.asw.config;

import java.net.http.HttpClient;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client towards ASW: base URL and timeouts, and credentials either as OAuth2 client
 * credentials (Spring Security's {@link OAuth2ClientHttpRequestInterceptor}: a token from ASW's
 * token endpoint with client_secret_basic, reused until it expires, fetched again after a 401)
 * or, where ASW issued a static token, that token as {@code Authorization: Bearer}.
 * <p>
 * The OAuth2 client is wired here from {@link AswProperties} rather than by Boot's
 * {@code spring.security.oauth2.client.*} auto-configuration, which would also bring Boot's web
 * security into a service whose inbound security is the platform's concern.
 */
final class AswRestClient {

    static final String REGISTRATION_ID = "asw";

    private AswRestClient() {
    }

    static RestClient build(AswProperties properties) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        factory.setReadTimeout(properties.readTimeout());
        RestClient.Builder builder = RestClient.builder()
                .baseUrl(properties.baseUrl().toString())
                .requestFactory(factory);
        if (properties.oauth().enabled()) {
            builder.requestInterceptor(clientCredentials(properties.oauth()));
        } else {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.clientToken());
        }
        return builder.build();
    }

    private static OAuth2ClientHttpRequestInterceptor clientCredentials(AswProperties.OAuth oauth) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .tokenUri(oauth.tokenUri())
                .clientId(oauth.clientId())
                .clientSecret(oauth.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .build();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        InMemoryOAuth2AuthorizedClientService authorizedClients = new InMemoryOAuth2AuthorizedClientService(registrations);
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
                registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
        interceptor.setClientRegistrationIdResolver(request -> REGISTRATION_ID);
        // a 401/403 from ASW forgets the token, so the next call (the ExternalCall retry) gets a new one
        interceptor.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
        return interceptor;
    }
}
