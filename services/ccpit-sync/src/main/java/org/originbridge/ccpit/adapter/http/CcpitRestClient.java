package org.originbridge.ccpit.adapter.http;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;

import org.originbridge.ccpit.config.CcpitProperties;
import org.originbridge.platform.outbound.ClientCredentials;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client towards CCPIT: base URL and timeouts, and one OAuth2 client registration per
 * exporter tenant with client credentials (the platform's {@link ClientCredentials}). A request's
 * registration is chosen by its {@code X-Applicant-Id} (set by {@link HttpCcpitClient} from the
 * tenant's credential), so a call for applicant A can only carry a token issued to A's client;
 * applicants without a registration go out with their static token as set by the caller.
 */
public final class CcpitRestClient {

    static final String REGISTRATION_PREFIX = "ccpit-";

    private CcpitRestClient() {
    }

    /** A client of another issuing authority at {@code baseUrl}, with this service's timeouts and no OAuth2. */
    public static RestClient plain(java.net.URI baseUrl, CcpitProperties properties) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        factory.setReadTimeout(properties.readTimeout());
        return RestClient.builder().baseUrl(baseUrl.toString()).requestFactory(factory).build();
    }

    /** @param clientSecrets supplierId (= CCPIT client id) to its client secret; empty = static tokens only */
    public static RestClient build(CcpitProperties properties, Map<String, String> clientSecrets) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        factory.setReadTimeout(properties.readTimeout());
        RestClient.Builder builder = RestClient.builder().baseUrl(properties.baseUrl().toString()).requestFactory(factory);
        if (!clientSecrets.isEmpty()) {
            List<ClientCredentials.Client> clients = clientSecrets.entrySet().stream()
                    .map(e -> new ClientCredentials.Client(REGISTRATION_PREFIX + e.getKey(), properties.oauth().tokenUri(),
                            e.getKey(), e.getValue()))
                    .toList();
            builder.requestInterceptor(ClientCredentials.interceptor(clients, request -> {
                String applicant = request.getHeaders().getFirst(HttpCcpitClient.APPLICANT_HEADER);
                return applicant != null && clientSecrets.containsKey(applicant) ? REGISTRATION_PREFIX + applicant : null;
            }));
        }
        return builder.build();
    }
}
