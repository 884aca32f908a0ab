package org.originbridge.asw.adapter.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import org.originbridge.asw.config.AswProperties;
import org.originbridge.platform.outbound.ClientCredentials;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client towards one verification channel: its base URL and timeouts, and credentials
 * either as OAuth2 client credentials (the platform's {@link ClientCredentials}: a token from the
 * channel's token endpoint with client_secret_basic, reused until it expires, fetched again after a
 * 401) or, where the channel issued a static token, that token as {@code Authorization: Bearer}.
 * One JDK {@link HttpClient} (HTTP/1.1, a pool of connections) is shared by all channels.
 */
public final class AswRestClient {

    static final String REGISTRATION_ID = "asw";

    private AswRestClient() {
    }

    public static HttpClient httpClient(Duration connectTimeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }

    public static RestClient build(AswProperties.Resolved channel, HttpClient http, Duration readTimeout) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(readTimeout);
        RestClient.Builder builder = RestClient.builder()
                .baseUrl(channel.baseUrl().toString())
                .requestFactory(factory);
        if (channel.oauth().enabled()) {
            builder.requestInterceptor(clientCredentials(channel.id(), channel.oauth()));
        } else {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + channel.clientToken());
        }
        return builder.build();
    }

    private static OAuth2ClientHttpRequestInterceptor clientCredentials(String channel, AswProperties.OAuth oauth) {
        return ClientCredentials.single(new ClientCredentials.Client(REGISTRATION_ID + "-" + channel.toLowerCase(Locale.ROOT),
                oauth.tokenUri(), oauth.clientId(), oauth.clientSecret()));
    }
}
