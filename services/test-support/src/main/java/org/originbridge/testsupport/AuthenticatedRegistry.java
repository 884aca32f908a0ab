package org.originbridge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An Apicurio Registry process that requires OAuth2 bearer tokens, configured exactly as
 * {@code bin/originbridge up} configures the local one: every {@code key=value} line of
 * {@code deploy/runtime/config/registry-auth.properties} as a {@code -D} system property, with
 * {@code @AUTH_ISSUER@} replaced by the authorization server's issuer. Each instance is its own process
 * on a free loopback port with in-memory storage; {@link #close()} stops it. The registry of
 * {@link RealInfrastructure} (used by every other IT) stays anonymous.
 */
public final class AuthenticatedRegistry implements AutoCloseable {

    private final Process process;
    private final String baseUrl;
    private final Path log;

    private AuthenticatedRegistry(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /** Starts one that accepts the tokens of {@code issuer} (e.g. {@code http://127.0.0.1:PORT}). */
    public static AuthenticatedRegistry start(String issuer) {
        int port = RealInfrastructure.freePort();
        String baseUrl = "http://127.0.0.1:" + port;
        try {
            Path log = Files.createTempFile("apicurio-registry-auth-test-", ".log");
            Process process = RealInfrastructure.launchRegistry(port, systemProperties(settingsFile(), issuer), log);
            AuthenticatedRegistry registry = new AuthenticatedRegistry(process, baseUrl, log);
            try {
                RealInfrastructure.waitUntilReady(process, baseUrl, log.toFile());
            } catch (RuntimeException e) {
                registry.close();
                throw e;
            }
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Apicurio Registry", e);
        }
    }

    /** deploy/runtime/config/registry-auth.properties, as the build of deploy/runtime recorded it. */
    public static Path settingsFile() {
        return Path.of(RealInfrastructure.runtimeProperties().getProperty("registry.auth.properties"));
    }

    /** The file's settings as {@code -Dkey=value} arguments (comments and blank lines skipped), as bin/originbridge reads it. */
    public static List<String> systemProperties(Path settings, String issuer) throws IOException {
        List<String> arguments = new ArrayList<>();
        for (String line : Files.readAllLines(settings)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            arguments.add("-D" + line.replace("@AUTH_ISSUER@", issuer));
        }
        return arguments;
    }

    /** e.g. http://127.0.0.1:PORT */
    public String baseUrl() {
        return baseUrl;
    }

    /** The Apicurio v2 API that our serdes use. */
    public String registryUrl() {
        return baseUrl + "/apis/registry/v2";
    }

    /** The Confluent-compatible API. */
    public String confluentCompatibleUrl() {
        return baseUrl + "/apis/ccompat/v7";
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
