package org.originbridge.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real local authorization server ({@code deploy/auth-server}) for the end-to-end tests: its
 * executable jar (copied into {@code target/auth-server} by the pom) runs as its own process on a
 * free loopback port, exactly as {@code bin/originbridge up} runs it, with a fresh data directory
 * whose {@code clients.json} holds the test clients below (random secrets). Tokens come over real
 * HTTP with the client_credentials grant (client_secret_basic) and are cached until a minute
 * before they expire.
 * <p>
 * Method names follow the auth engineer's {@code TestIssuer} ({@code springArguments},
 * {@code exporter}, {@code provider}, {@code importer}, {@code procurement}, {@code operator}), so
 * the tests switch from minted tokens to real ones by pointing {@code Tokens.ISSUER} at
 * {@link #shared()}. Client ids: {@code exporter-<tenant in lower case>} for
 * {@link #EXPORTER_TENANTS}, {@code provider-e2e} managing {@link #PROVIDER_TENANTS},
 * {@code importer-<id in lower case>} for {@link #IMPORTER_IDS}, {@code procurement-e2e}, {@code operator}.
 * <p>
 * Its own process (not a Spring context in this JVM): the auth server brings Spring Security's
 * authorization server, which must not land on the classpath the services share here.
 */
public final class RealAuthServer implements AutoCloseable, org.originbridge.testsupport.AccessTokens {

    public static final List<String> EXPORTER_TENANTS = List.of("SUP-E2E-1", "SUP-E2E-2", "SUP-E2E-3");
    public static final List<String> PROVIDER_TENANTS = List.of("SUP-E2E-1", "SUP-E2E-2");
    public static final List<String> IMPORTER_IDS = List.of("E2E-IMPORTER-1");
    static final String EXPORTER_SCOPES = "declarations.write declarations.read eco.read logistics.write";
    static final String PROVIDER_SCOPES = "declarations.read eco.read declarations.write";
    static final String OPERATOR_SCOPES = "operator declarations.read eco.read scores.read";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RealAuthServer shared;

    private final Process process;
    private final Path log;
    private final String issuer;
    private final Map<String, String> secrets;
    private final Path data;
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RealAuthServer(Process process, Path log, String issuer, Map<String, String> secrets, Path data) {
        this.data = data;
        this.process = process;
        this.log = log;
        this.issuer = issuer;
        this.secrets = secrets;
    }

    /** The JVM's auth server, started on first use and stopped when the JVM exits. */
    public static synchronized RealAuthServer shared() {
        if (shared == null) {
            shared = start();
            RealAuthServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return shared;
    }

    /** Starts a new auth server process and waits until it is healthy. */
    public static RealAuthServer start() {
        return start(true);
    }

    /**
     * Starts a new auth server process with the demo clients it seeds itself on first start
     * ({@code seed-clients.json}: the exporters, {@code procurement-buyhub}, {@code operator}, the
     * service clients of the schema registry...), exactly what {@code bin/originbridge up} gets;
     * {@link #token} and {@link #secret} work for every one of them.
     */
    public static RealAuthServer startWithSeededClients() {
        return start(false);
    }

    private static RealAuthServer start(boolean testClients) {
        Path jar = Path.of(System.getProperty("e2e.auth-server.jar", "target/auth-server/originbridge-auth-server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": run the e2e tests through Maven (failsafe), "
                    + "which copies the auth server's executable jar there");
        }
        try {
            Path data = Files.createTempDirectory("e2e-auth-server");
            Map<String, String> secrets = testClients ? writeClients(data) : new ConcurrentHashMap<>();
            int port = freePort();
            String issuer = "http://127.0.0.1:" + port;
            Path log = jar.resolveSibling("auth-server-" + port + ".log");
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("AUTH_PORT", Integer.toString(port));
            builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
            builder.environment().put("ORIGINBRIDGE_AUTH_DATA", data.toString());
            builder.environment().put("ORIGINBRIDGE_AUTH_ISSUER", issuer);
            RealAuthServer server = new RealAuthServer(builder.start(), log, issuer, secrets, data);
            try {
                server.awaitHealthy();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            if (!testClients) {
                for (JsonNode client : JSON.readTree(Files.readString(data.resolve("clients.json"))).path("clients")) {
                    secrets.put(client.path("clientId").asString(), client.path("clientSecret").asString());
                }
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String jwksUri() {
        return issuer + "/oauth2/jwks";
    }

    /**
     * The secret of a client the server added to {@code clients.json} itself (the importer portal's
     * sign-in client {@code importer-portal}, added at its start).
     */
    public String clientSecretFromFile(String clientId) {
        try {
            for (JsonNode client : JSON.readTree(Files.readString(data.resolve("clients.json"))).path("clients")) {
                if (clientId.equals(client.path("clientId").asString())) {
                    return client.path("clientSecret").asString();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no client " + clientId + " in " + data.resolve("clients.json"));
    }

    /** The generated password of a demo user the server seeded ({@code initial-passwords.txt}). */
    public String initialPassword(String username) {
        try {
            for (String line : Files.readAllLines(data.resolve("initial-passwords.txt"))) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 2 && parts[0].equals(username)) {
                    return parts[1];
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no initial password for " + username);
    }

    /** The arguments that point status-query's importer portal (sign-in client) at this server. */
    public List<String> portalArguments() {
        return List.of("--spring.security.oauth2.client.registration.originbridge.client-secret="
                        + clientSecretFromFile("importer-portal"),
                "--spring.security.oauth2.client.provider.originbridge.authorization-uri=" + issuer + "/oauth2/authorize",
                "--spring.security.oauth2.client.provider.originbridge.token-uri=" + issuer + "/oauth2/token");
    }

    /** Points an application started with SpringApplicationBuilder at this issuer (resource server). */
    public List<String> springArguments() {
        return List.of("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwksUri());
    }

    /** {@code "Bearer " + token}, for the Authorization header. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A token for any client registered here (client_credentials over HTTP, cached). */
    public String token(String clientId) {
        CachedToken cached = tokens.get(clientId);
        if (cached != null && Instant.now().isBefore(cached.expiresAt().minusSeconds(60))) {
            return cached.token();
        }
        CachedToken fresh = requestToken(clientId);
        tokens.put(clientId, fresh);
        return fresh.token();
    }

    /** A registered client's secret, for a client that asks for its own tokens (the example ERP producer). */
    public String secret(String clientId) {
        String secret = secrets.get(clientId);
        if (secret == null) {
            throw new IllegalArgumentException("no e2e client " + clientId + "; registered: " + secrets.keySet());
        }
        return secret;
    }

    public String exporter(String tenant) {
        return token(registered("exporter-" + tenant.toLowerCase(), "exporter tenant " + tenant, EXPORTER_TENANTS));
    }

    public String provider(String... tenants) {
        if (!Arrays.asList(tenants).equals(PROVIDER_TENANTS)) {
            throw new IllegalArgumentException("the e2e provider manages " + PROVIDER_TENANTS + ", not "
                    + Arrays.toString(tenants) + " (see RealAuthServer.PROVIDER_TENANTS)");
        }
        return token("provider-e2e");
    }

    public String importer(String importerId) {
        return token(registered("importer-" + importerId.toLowerCase(), "importer " + importerId, IMPORTER_IDS));
    }

    public String procurement() {
        return token("procurement-e2e");
    }

    public String operator() {
        return token("operator");
    }

    /** Stops the process (SIGTERM, then SIGKILL after 15 s). */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private String registered(String clientId, String what, List<String> known) {
        if (!secrets.containsKey(clientId)) {
            throw new IllegalArgumentException("no e2e client for " + what + "; registered: " + known
                    + " (add it in RealAuthServer)");
        }
        return clientId;
    }

    private CachedToken requestToken(String clientId) {
        String secret = secrets.get(clientId);
        if (secret == null) {
            throw new IllegalArgumentException("no e2e client " + clientId + "; registered: " + secrets.keySet());
        }
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the auth server refused a token for " + clientId + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return new CachedToken(body.path("access_token").asString(),
                Instant.now().plusSeconds(body.path("expires_in").asLong()));
    }

    private void awaitHealthy() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        HttpRequest health = HttpRequest.newBuilder(URI.create(issuer + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the auth server exited (code " + process.exitValue() + "); log "
                        + log + ":\n" + tail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the auth server was not healthy after " + START_TIMEOUT + "; log "
                        + log + ":\n" + tail());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
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

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Writes clients.json (what the server would seed, but with the e2e tenants); returns id -> secret. */
    private static Map<String, String> writeClients(Path data) throws IOException {
        List<Map<String, Object>> clients = new ArrayList<>();
        for (String tenant : EXPORTER_TENANTS) {
            clients.add(client("exporter-" + tenant.toLowerCase(), "exporter", List.of(tenant), EXPORTER_SCOPES, null));
        }
        clients.add(client("provider-e2e", "provider", PROVIDER_TENANTS, PROVIDER_SCOPES, null));
        for (String importer : IMPORTER_IDS) {
            clients.add(client("importer-" + importer.toLowerCase(), "importer", List.of(), "eco.read", importer));
        }
        clients.add(client("procurement-e2e", "procurement", List.of(), "scores.read", null));
        clients.add(client("operator", "operator", List.of(), OPERATOR_SCOPES, null));
        Files.writeString(data.resolve("clients.json"), JSON.writeValueAsString(Map.of("clients", clients)));
        Map<String, String> secrets = new LinkedHashMap<>();
        for (Map<String, Object> client : clients) {
            secrets.put((String) client.get("clientId"), (String) client.get("clientSecret"));
        }
        return Map.copyOf(secrets);
    }

    private static Map<String, Object> client(String id, String role, List<String> tenants, String scopes, String importer) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", id);
        client.put("clientSecret", newSecret());
        client.put("role", role);
        client.put("tenants", tenants);
        client.put("scopes", List.of(scopes.split(" ")));
        if (importer != null) {
            client.put("importer", importer);
        }
        return client;
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private record CachedToken(String token, Instant expiresAt) {
    }
}
