package org.originbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.originbridge.examples.common.Settings;
import org.originbridge.examples.erp.ErpProducer;
import org.originbridge.examples.procurement.ProcurementConsumer;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.RealInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * The published contracts against the running services (docs/api.md, docs/examples.md):
 * <ul>
 *   <li>each service's served OpenAPI document offers the same operations, parameters and security
 *       as its checked-in copy {@code docs/api/<service>.yaml}, and the security it states is what
 *       the service enforces (no token: 401);</li>
 *   <li>the checked-in reference of the authorization server names endpoints the real server answers;</li>
 *   <li>the example ERP producer and procurement consumer (deploy/examples) run against the stack.</li>
 * </ul>
 * After changing endpoints, refresh the checked-in documents with
 * {@code ./mvnw -B -ntp -pl services/end-to-end-tests -am verify -DskipTests -DskipITs=false
 * -Dit.test=PublishedContractsIT -Dopenapi.write=true} (writes docs/api/*.yaml; review the diff).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishedContractsIT {

    static final List<String> SERVICES = List.of("declaration-intake", "asw-verification", "ccpit-sync",
            "logistics-ingestion", "compliance-scoring", "status-query", "subscriptions");
    private static final String REFRESH = "./mvnw -B -ntp -pl services/end-to-end-tests -am verify "
            + "-Dit.test=PublishedContractsIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true";

    private static ServiceStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startEverything() {
        stack = ServiceStack.start(new ServiceStack.Infrastructure(RealInfrastructure.bootstrapServers(),
                RealInfrastructure.registryUrl(), EmbeddedMongo.connectionString()));
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void everyServiceServesTheOpenApiDocumentThatIsCheckedIn() throws IOException {
        boolean write = Boolean.getBoolean("openapi.write");
        List<String> disagreements = new ArrayList<>();
        for (String service : SERVICES) {
            HttpResponse<String> served = get(stack.url(service) + "/v3/api-docs.yaml", null);
            assertThat(served.statusCode()).as(service + " /v3/api-docs.yaml").isEqualTo(200);
            Path checkedIn = apiDirectory().resolve(service + ".yaml");
            if (write) {
                Files.createDirectories(checkedIn.getParent());
                Files.writeString(checkedIn, served.body(), StandardCharsets.UTF_8);
                continue;
            }
            assertThat(checkedIn).as("checked-in OpenAPI document of " + service + " (refresh: " + REFRESH + ")").isRegularFile();
            SortedSet<String> real = OpenApiContract.lines(OpenApiContract.parse(served.body()));
            SortedSet<String> documented = OpenApiContract.lines(OpenApiContract.parse(Files.readString(checkedIn)));
            OpenApiContract.missing(real, documented).forEach(l -> disagreements.add(service + " serves, docs/api lacks: " + l));
            OpenApiContract.missing(documented, real).forEach(l -> disagreements.add(service + " lacks, docs/api says: " + l));
        }
        assertThat(disagreements).as("served OpenAPI vs docs/api/*.yaml; if the change is intended, refresh with: "
                + REFRESH).isEmpty();
    }

    /** What the documents say about security is what the services do: every operation needing a token refuses none. */
    @Test
    @Order(2)
    void everyOperationThatNeedsATokenRefusesARequestWithoutOne() {
        List<String> open = new ArrayList<>();
        int checked = 0;
        for (String service : SERVICES) {
            Map<String, Object> document = OpenApiContract.parse(get(stack.url(service) + "/v3/api-docs.yaml", null).body());
            for (String line : OpenApiContract.lines(document)) {
                if (line.startsWith("scheme ") || line.endsWith("security=public")) {
                    continue;
                }
                String method = line.substring(0, line.indexOf(' '));
                String path = line.substring(line.indexOf(' ') + 1, line.indexOf(" params="))
                        .replaceAll("\\{[^}]+}", "X-1");
                HttpRequest request = HttpRequest.newBuilder(URI.create(stack.url(service) + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{}"))
                        .build();
                int status = send(request).statusCode();
                checked++;
                if (status != 401) {
                    open.add(service + " " + method + " " + path + " answered " + status + " without a token");
                }
            }
        }
        assertThat(checked).as("operations that need a token").isGreaterThanOrEqualTo(8);
        assertThat(open).isEmpty();
    }

    /** docs/api/auth-server.yaml is a hand-written reference: each of its operations exists on the real server. */
    @Test
    @Order(3)
    void theAuthorizationServerReferenceNamesEndpointsTheRealServerAnswers() throws IOException {
        RealAuthServer auth = RealAuthServer.shared();
        Map<String, Object> reference = OpenApiContract.parse(Files.readString(apiDirectory().resolve("auth-server.yaml")));
        SortedSet<String> lines = OpenApiContract.lines(reference);
        assertThat(lines).anyMatch(l -> l.startsWith("POST /oauth2/token "))
                .anyMatch(l -> l.startsWith("GET /oauth2/jwks "));
        for (String line : lines) {
            if (line.startsWith("scheme ")) {
                continue;
            }
            String method = line.substring(0, line.indexOf(' '));
            String path = line.substring(line.indexOf(' ') + 1, line.indexOf(" params="));
            HttpResponse<String> response = method.equals("GET") ? get(auth.issuer() + path, null)
                    : send(HttpRequest.newBuilder(URI.create(auth.issuer() + path)).timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                    ("procurement-e2e:" + auth.secret("procurement-e2e")).getBytes(StandardCharsets.UTF_8)))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
            assertThat(response.statusCode()).as(line).isEqualTo(200);
        }
        JsonNode metadata = Http.parse(get(auth.issuer() + "/.well-known/oauth-authorization-server", null).body());
        assertThat(metadata.path("token_endpoint").asString()).isEqualTo(auth.issuer() + "/oauth2/token");
        assertThat(metadata.path("jwks_uri").asString()).isEqualTo(auth.issuer() + "/oauth2/jwks");
    }

    /**
     * deploy/examples run as a user runs them (their main's settings): the ERP producer gets its own
     * token and hands over two declarations with bills of materials (HTTP and Kafka), both reach
     * status-query; the procurement consumer then holds a score of that supplier.
     */
    @Test
    @Order(4)
    void theExampleErpProducerAndProcurementConsumerRunAgainstTheStack() {
        RealAuthServer auth = RealAuthServer.shared();
        String supplier = "SUP-E2E-3";
        String clientId = "exporter-" + supplier.toLowerCase();
        ErpProducer.Result sent = new ErpProducer(new Settings(new String[] {
                "--token-url=" + auth.issuer() + "/oauth2/token",
                "--client-id=" + clientId,
                "--client-secret=" + auth.secret(clientId),
                "--supplier-id=" + supplier,
                "--intake-url=" + stack.url("declaration-intake"),
                "--kafka-bootstrap-servers=" + RealInfrastructure.bootstrapServers(),
                "--registry-url=" + RealInfrastructure.confluentCompatibleUrl()}, Map.of())).run();

        assertThat(sent.statusUrl()).isEqualTo(stack.url("status-query") + "/api/v1/declarations/" + sent.httpDeclarationId());
        Http api = new Http();
        for (String id : List.of(sent.httpDeclarationId(), sent.kafkaDeclarationId())) {
            Awaitility.await(id + " in status-query").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        JsonNode view = api.json(stack.url("status-query") + "/api/v1/declarations/" + id);
                        assertThat(view).as("status of " + id).isNotNull();
                        assertThat(view.at("/intake/outcome").asString()).isEqualTo("ACCEPTED");
                        // the bill of materials travelled: intake determined origin from it
                        assertThat(view.at("/intake/preCheck/status").asString()).isEqualTo("PERFORMED");
                    });
        }

        Map<String, ProcurementConsumer.SupplierScore> scores = new ProcurementConsumer(new Settings(new String[] {
                "--kafka-bootstrap-servers=" + RealInfrastructure.bootstrapServers(),
                "--registry-url=" + RealInfrastructure.confluentCompatibleUrl(),
                "--until-supplier=" + supplier,
                "--max-seconds=120"}, Map.of())).run();

        assertThat(scores).containsKey(supplier);
        ProcurementConsumer.SupplierScore score = scores.get(supplier);
        assertThat(score.score()).isBetween(0, 100);
        assertThat(score.version()).isPositive();
        assertThat(score.band()).isNotBlank();
    }

    /** Hostile use of the public OpenAPI path: it is rate-limited per client address like every public path. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theOpenApiDocumentIsRateLimitedLikeEveryPublicPath() {
        String url = stack.url("compliance-scoring") + "/v3/api-docs";
        int status = 0;
        for (int i = 0; i < 400 && status != 429; i++) {
            status = get(url, null).statusCode();
        }
        assertThat(status).as("a client hammering " + url).isEqualTo(429);
    }

    private static Path apiDirectory() {
        return Path.of(System.getProperty("e2e.repo.root", "../..")).resolve("docs/api").toAbsolutePath().normalize();
    }

    private HttpResponse<String> get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
