package org.originbridge.asw.config;

import java.net.http.HttpClient;

import org.originbridge.platform.outbound.ClientCredentials;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client towards ASW: base URL and timeouts, and credentials either as OAuth2 client
 * credentials (the platform's {@link ClientCredentials}: a token from ASW's token endpoint with
 * client_secret_basic, reused until it expires, fetched again after a 401)
 * or, where ASW issued a static token, that token as {@code Authorization: Bearer}.
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
        return ClientCredentials.single(
                new ClientCredentials.Client(REGISTRATION_ID, oauth.tokenUri(), oauth.clientId(), oauth.clientSecret()));
    }
}
