package org.originbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The registry enforces BACKWARD compatibility itself (global rule), so a producer that auto-registers an
 * incompatible schema is refused with 409, whatever client it uses: tried through the Confluent-compatible API.
 */
class RegistryCompatibilityIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anIncompatibleVersionOfASubjectIsRefused409() throws Exception {
        String subject = "compat-it-" + UUID.randomUUID() + "-value";
        String v1 = schema("{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R\\\",\\\"fields\\\":["
                + "{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"string\\\"}]}");
        // a new required field without a default: old records cannot be read with it
        String incompatible = schema("{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R\\\",\\\"fields\\\":["
                + "{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"string\\\"},{\\\"name\\\":\\\"b\\\",\\\"type\\\":\\\"int\\\"}]}");
        String compatible = schema("{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R\\\",\\\"fields\\\":["
                + "{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"string\\\"},"
                + "{\\\"name\\\":\\\"b\\\",\\\"type\\\":\\\"int\\\",\\\"default\\\":0}]}");

        assertThat(register(subject, v1).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = register(subject, incompatible);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(register(subject, compatible).statusCode()).isEqualTo(200);
    }

    private static String schema(String escapedAvro) {
        return "{\"schema\":\"" + escapedAvro + "\"}";
    }

    private HttpResponse<String> register(String subject, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(RealInfrastructure.confluentCompatibleUrl()
                        + "/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
