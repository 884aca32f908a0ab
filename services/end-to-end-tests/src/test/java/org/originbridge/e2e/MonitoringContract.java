package org.originbridge.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every metric and label that deploy/'s dashboards and alert rules name must be exported by the
 * running services (issue 12: queries that never ran against data). The services' scrapes are
 * taken after the end-to-end scenario's traffic, so meters that only exist after traffic (use-case
 * timers, outcome counters, listener/template observations, dead letters, HTTP) are there.
 */
final class MonitoringContract {

    /** Every Boot application the stack starts and Prometheus scrapes (deploy/prometheus). */
    static final List<String> SCRAPED = List.of("declaration-intake", "asw-verification", "ccpit-sync",
            "logistics-ingestion", "compliance-scoring", "status-query", "sandbox");

    /** Series Prometheus makes itself, and labels it attaches to every scraped series. */
    static final Set<String> PROMETHEUS_SERIES = Set.of("up");
    static final Set<String> TARGET_LABELS = Set.of("instance", "job");

    /**
     * Matcher values that only appear while something fails, which the green scenario never
     * produces (label name = pattern). Their label is still checked, only not the value.
     */
    static final Map<String, String> FAILURE_ONLY_VALUES = Map.of("status", "5..");

    private MonitoringContract() {
    }

    /** Each application's /actuator/prometheus (on its management port), also written to target/monitoring-scrapes for reading. */
    static Map<String, String> scrape(ServiceStack stack) {
        Http http = new Http();
        Map<String, String> scrapes = new LinkedHashMap<>();
        Path dir = Path.of("target/monitoring-scrapes");
        for (String application : SCRAPED) {
            HttpResponse<String> response = http.get(stack.managementUrl(application) + "/actuator/prometheus");
            MonitoringConfig.require(response.statusCode() == 200,
                    application + " /actuator/prometheus answered " + response.statusCode());
            scrapes.put(application, response.body());
            try {
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(application + ".prom"), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scrapes;
    }

    /** Series name -> label name -> every value seen, across all scrapes. */
    static Map<String, Map<String, Set<String>>> exported(Map<String, String> scrapes) {
        Map<String, Map<String, Set<String>>> series = new HashMap<>();
        for (String body : scrapes.values()) {
            for (String line : body.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int brace = line.indexOf('{');
                int space = line.indexOf(' ');
                boolean labelled = brace >= 0 && (space < 0 || brace < space);
                String name = line.substring(0, labelled ? brace : space);
                Map<String, Set<String>> labels = series.computeIfAbsent(name, k -> new HashMap<>());
                if (labelled) {
                    addLabels(line.substring(brace + 1), labels);
                }
            }
        }
        return series;
    }

    private static void addLabels(String rest, Map<String, Set<String>> into) {
        int i = 0;
        while (i < rest.length() && rest.charAt(i) != '}') {
            int eq = rest.indexOf('=', i);
            String name = rest.substring(i, eq).strip();
            StringBuilder value = new StringBuilder();
            i = eq + 2; // past ="
            while (rest.charAt(i) != '"') {
                if (rest.charAt(i) == '\\') {
                    i++;
                }
                value.append(rest.charAt(i));
                i++;
            }
            into.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(value.toString());
            i++;
            if (i < rest.length() && rest.charAt(i) == ',') {
                i++;
            }
        }
    }

    /** Problems found; empty when every query names only exported metrics and labels. */
    static List<String> problems(List<MonitoringConfig.Query> queries, Map<String, Map<String, Set<String>>> exported) {
        List<String> problems = new ArrayList<>();
        for (MonitoringConfig.Query query : queries) {
            PromQl.Names names;
            try {
                names = PromQl.parse(query.expr());
            } catch (IllegalArgumentException e) {
                problems.add(query.source() + ": " + e.getMessage());
                continue;
            }
            if (names.hasNamelessSelector()) {
                problems.add(query.source() + ": a selector without a metric name (e.g. {__name__=~...}): " + query.expr());
            }
            if (names.selectors().isEmpty()) {
                problems.add(query.source() + ": names no metric: " + query.expr());
            }
            Set<String> labelsOfQuery = new LinkedHashSet<>(TARGET_LABELS);
            for (PromQl.Selector selector : names.selectors()) {
                String metric = selector.metric();
                if (PROMETHEUS_SERIES.contains(metric)) {
                    continue;
                }
                Map<String, Set<String>> labels = exported.get(metric);
                if (labels == null) {
                    problems.add(query.source() + ": metric " + metric + " is not exported by any service");
                    continue;
                }
                labelsOfQuery.addAll(labels.keySet());
                for (String label : selector.matcherLabels()) {
                    if (!labels.containsKey(label) && !TARGET_LABELS.contains(label)) {
                        problems.add(query.source() + ": " + metric + " has no label " + label + " (it has " + labels.keySet() + ")");
                    }
                }
                selector.regexValues().forEach((label, regex) -> {
                    java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
                    if (labels.containsKey(label) && !regex.equals(FAILURE_ONLY_VALUES.get(label))
                            && labels.get(label).stream().noneMatch(v -> pattern.matcher(v).matches())) {
                        problems.add(query.source() + ": no " + metric + " series has " + label + "=~\"" + regex
                                + "\" (seen: " + labels.get(label) + ")");
                    }
                });
                selector.exactValues().forEach((label, value) -> {
                    if (labels.containsKey(label) && !labels.get(label).contains(value)) {
                        problems.add(query.source() + ": no " + metric + " series has " + label + "=\"" + value
                                + "\" (seen: " + labels.get(label) + ")");
                    }
                });
            }
            for (String label : names.groupingLabels()) {
                if (!labelsOfQuery.contains(label)) {
                    problems.add(query.source() + ": groups by " + label + ", which none of " + names.metrics() + " has");
                }
            }
        }
        return problems;
    }

    static void assertExported(Map<String, String> scrapes) {
        MonitoringConfig config = MonitoringConfig.fromWorkingDirectory();
        List<MonitoringConfig.Query> queries = config.allQueries();
        List<String> problems = problems(queries, exported(scrapes));
        MonitoringConfig.require(problems.isEmpty(), problems.size() + " monitoring queries name what the services do not export "
                + "(scrapes in target/monitoring-scrapes):\n  " + String.join("\n  ", problems));
        System.out.println("[monitoring] " + queries.size() + " dashboard and alert queries checked against "
                + scrapes.keySet());
    }
}
