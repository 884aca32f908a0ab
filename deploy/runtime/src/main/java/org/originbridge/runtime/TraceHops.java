package org.originbridge.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code bin/originbridge trace DECLARATION_ID}: the hops of one declaration, read back from the
 * services' structured (ECS JSON) log files, in time order.
 *
 * <pre>
 * java -cp ... org.originbridge.runtime.TraceHops --logs DATA/logs DECLARATION_ID
 * </pre>
 *
 * <p>A hop is a line of the platform's hop logger ({@code org.originbridge.hops}) whose
 * {@code declarationId} is the one asked for: one per record a listener handled (topic, outcome
 * {@code handled} or {@code failed:<Exception>}) and one per HTTP request naming the declaration
 * (method and path, status). Lines that are not JSON (start-up markers, JVM warnings, plain-text
 * logs) and hop lines of other declarations are skipped; a file that cannot be read is reported
 * and skipped. Exit status 0 when hops were found, 1 when none were.
 */
public final class TraceHops {

    static final String HOP_LOGGER = "org.originbridge.hops";

    /** One hop of a declaration, as logged. */
    record Hop(String timestamp, String service, String hop, String outcome, String traceId, String message) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private TraceHops() {
    }

    public static void main(String[] args) throws IOException {
        Path logs = null;
        String declarationId = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--logs") && i + 1 < args.length) {
                logs = Path.of(args[++i]);
            } else {
                declarationId = args[i];
            }
        }
        if (logs == null || declarationId == null || declarationId.isBlank()) {
            System.err.println("usage: TraceHops --logs DIR DECLARATION_ID");
            System.exit(2);
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(logs)) {
            try (Stream<Path> list = Files.list(logs)) {
                list.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().forEach(files::add);
            }
        }
        List<Hop> hops = new ArrayList<>();
        for (Path file : files) {
            try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                hops.addAll(hops(lines, declarationId));
            } catch (IOException | java.io.UncheckedIOException e) {
                System.err.println("skipped " + file + ": " + e.getMessage());
            }
        }
        System.exit(print(sorted(hops), declarationId, System.out) ? 0 : 1);
    }

    /** The hop lines of one declaration among log lines (any order, any mix of JSON and text). */
    static List<Hop> hops(Stream<String> lines, String declarationId) {
        List<Hop> hops = new ArrayList<>();
        lines.forEach(line -> {
            Hop hop = parse(line, declarationId);
            if (hop != null) {
                hops.add(hop);
            }
        });
        return hops;
    }

    /** The hop in this line when it is a hop line of the declaration, else null (never throws). */
    static Hop parse(String line, String declarationId) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("{") || !trimmed.contains(declarationId)) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(trimmed);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (node == null || !node.isObject() || !declarationId.equals(text(node, "declarationId"))
                || !HOP_LOGGER.equals(text(node, "log", "logger"))) {
            return null;
        }
        return new Hop(text(node, "@timestamp"), text(node, "service", "name"), text(node, "hop"),
                text(node, "outcome"), text(node, "traceId"), text(node, "message"));
    }

    /** A field by path, also accepting ECS's flat dotted form ("log.logger"); "" when absent. */
    private static String text(JsonNode node, String... path) {
        JsonNode at = node;
        for (String name : path) {
            at = at.path(name);
        }
        if (at.isMissingNode() && path.length > 1) {
            at = node.path(String.join(".", path));
        }
        return at.isValueNode() ? at.asText() : "";
    }

    /** Time order; ISO-8601 UTC timestamps of the same shape sort as text. */
    static List<Hop> sorted(List<Hop> hops) {
        return hops.stream().sorted(Comparator.comparing(Hop::timestamp)).toList();
    }

    /** Prints the table and the trace ids seen; false when there is nothing to print. */
    static boolean print(List<Hop> hops, String declarationId, PrintStream out) {
        if (hops.isEmpty()) {
            out.println("no hops of " + declarationId + " in the logs (structured logs are written by services started "
                    + "with bin/originbridge up; older plain-text log lines carry no hops)");
            return false;
        }
        out.printf("%-27s %-20s %-36s %-22s %s%n", "TIME", "SERVICE", "HOP (topic or HTTP)", "OUTCOME", "TRACE ID");
        Set<String> traces = new LinkedHashSet<>();
        for (Hop hop : hops) {
            out.printf("%-27s %-20s %-36s %-22s %s%n", hop.timestamp(), hop.service(), hop.hop(), hop.outcome(),
                    hop.traceId());
            if (!hop.traceId().isEmpty()) {
                traces.add(hop.traceId());
            }
        }
        out.println();
        out.println(hops.size() + " hops of " + declarationId + " in " + traces.size() + " trace(s): " + String.join(", ", traces));
        return true;
    }
}
