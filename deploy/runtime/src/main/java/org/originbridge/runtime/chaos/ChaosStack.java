package org.originbridge.runtime.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The processes of the chaos stack. Starting and stopping go through {@code bin/originbridge up/down
 * COMPONENT} (its pid files, its start commands, its health wait), so this class knows no actuator
 * URL and no start command line; {@code kill -9} is a SIGKILL to the pid in the component's pid file.
 * A second instance of a service is a copy of the running one: same command line and environment
 * (read from /proc), another HTTP port, its own log file.
 */
final class ChaosStack {

    /** Spring Boot's "Started XApplication in 12.3 seconds" line. */
    private static final java.util.regex.Pattern STARTED = java.util.regex.Pattern.compile("Started \\w+ in ");

    private final ChaosEnvironment env;
    private final Map<String, Process> extraInstances = new HashMap<>();

    ChaosStack(ChaosEnvironment env) {
        this.env = env;
    }

    void up(String component) throws IOException, InterruptedException {
        script("up", component);
    }

    void down(String component) throws IOException, InterruptedException {
        script("down", component);
    }

    /** SIGKILL to the component's process; waits until it is gone. */
    void kill9(String component) throws IOException, InterruptedException {
        long pid = pid(component).orElseThrow(() -> new IllegalStateException(component + " has no pid file: is it running?"));
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(component + " (pid " + pid + ") is not running"));
        handle.destroyForcibly(); // SIGKILL on Linux and macOS
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(component + " (pid " + pid + ") did not die after SIGKILL", e);
        }
    }

    Optional<Long> pid(String component) throws IOException {
        Path file = env.pidFile(component);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(Files.readString(file).trim()));
    }

    /**
     * Starts a second instance of a running service (same consumer group) on {@code port}: the
     * first instance's command line and environment with SERVER_PORT replaced.
     */
    void startSecondInstance(String service, int port) throws IOException {
        long pid = pid(service).orElseThrow(() -> new IllegalStateException(service + " is not running"));
        List<String> command = nulSeparated(Path.of("/proc/" + pid + "/cmdline"));
        Map<String, String> environment = new HashMap<>();
        for (String entry : nulSeparated(Path.of("/proc/" + pid + "/environ"))) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                environment.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        environment.put("SERVER_PORT", Integer.toString(port));
        // a separate management (actuator) port, where one is configured, must not clash either
        environment.replaceAll((name, value) -> name.contains("MANAGEMENT") && name.endsWith("PORT")
                ? Integer.toString(port + 100) : value);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Path log = env.data().resolve("logs").resolve(service + "-2.log");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile())); // a fresh log per run
        extraInstances.put(service, builder.start());
    }

    /** Waits until the second instance's log says Spring Boot started it; false after {@code max}. */
    boolean awaitSecondInstanceStarted(String service, java.time.Duration max) throws IOException, InterruptedException {
        Path log = env.data().resolve("logs").resolve(service + "-2.log");
        java.time.Instant deadline = java.time.Instant.now().plus(max);
        while (java.time.Instant.now().isBefore(deadline)) {
            Process p = extraInstances.get(service);
            if (p == null || !p.isAlive()) {
                return false;
            }
            if (Files.exists(log) && STARTED.matcher(Files.readString(log)).find()) {
                return true;
            }
            Thread.sleep(2000);
        }
        return false;
    }

    /** SIGTERM to the second instance (a graceful leave: it commits and leaves the group). */
    void stopSecondInstance(String service) throws InterruptedException {
        Process p = extraInstances.remove(service);
        if (p != null) {
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    void stopAllSecondInstances() throws InterruptedException {
        for (String service : new ArrayList<>(extraInstances.keySet())) {
            stopSecondInstance(service);
        }
    }

    private void script(String command, String component) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(env.script().toString(), command, component).inheritIO().start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("bin/originbridge " + command + " " + component + " did not finish in 10 minutes");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("bin/originbridge " + command + " " + component + " failed (exit " + p.exitValue() + ")");
        }
    }

    private static List<String> nulSeparated(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        List<String> parts = new ArrayList<>();
        for (String s : text.split("\0")) {
            if (!s.isEmpty()) {
                parts.add(s);
            }
        }
        return parts;
    }
}
