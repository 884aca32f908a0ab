package org.originbridge.asw;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The real sandbox (deploy/sandbox's executable jar) as a separate process on a free loopback
 * port, once per JVM: the service talks to it over HTTP exactly as it would to ASW. The jar's
 * path comes from the build ({@code originbridge.sandbox.jar}).
 */
final class SandboxProcess {

    static final String ASW_TOKEN = "it-only-asw-client-token";
    static final String ASW_OAUTH_CLIENT_ID = "it-asw-client";
    static final String ASW_OAUTH_CLIENT_SECRET = "it-only-asw-client-secret-0123456789";

    private static Process process;
    private static String baseUrl;

    private SandboxProcess() {}

    static synchronized String baseUrl() {
        if (process == null) {
            start();
        }
        return baseUrl;
    }

    /** {@code PUT /sandbox/chaos} with the given JSON. */
    static void chaos(String json) {
        send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/chaos"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A destination channel (ASW-MY, JP-CUSTOMS, ...) revokes a certificate (sandbox control). */
    static String revokeAtDestination(String channel, String certificateNumber, String reason) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/verification-channels/" + channel + "/revocations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"certificateNumber\":\"" + certificateNumber + "\",\"reason\":\""
                        + reason + "\"}"))
                .build());
    }

    static String chaos() {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/chaos")).GET().build());
    }

    private static void start() {
        String jar = System.getProperty("originbridge.sandbox.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("sandbox jar not found (" + jar + "): build deploy/sandbox first "
                    + "(mvn -pl services/asw-verification -am install)");
        }
        int port = freePort();
        try {
            Path log = Files.createTempFile("sandbox-it-", ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("SANDBOX_PORT", Integer.toString(port));
            builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
            builder.environment().put("SANDBOX_ASW_TOKENS", ASW_TOKEN);
            builder.environment().put("SANDBOX_ASW_OAUTH_CLIENTS", ASW_OAUTH_CLIENT_ID + "=" + ASW_OAUTH_CLIENT_SECRET);
            builder.environment().put("SANDBOX_LATENCY_MIN", "0ms");
            builder.environment().put("SANDBOX_LATENCY_MAX", "5ms");
            process = builder.start();
            baseUrl = "http://127.0.0.1:" + port;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> process.destroy(), "sandbox-stop"));
            waitUntilHealthy(log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the sandbox", e);
        }
    }

    private static void waitUntilHealthy(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the sandbox exited; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the sandbox was not healthy within 90 s; see " + log);
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
