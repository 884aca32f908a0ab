package org.originbridge.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring configuration in deploy/: every Grafana dashboard panel query and template
 * variable, every Prometheus alert rule, loaded and checked for structure. {@link MonitoringContract}
 * then checks the metric names against what the running services export.
 */
final class MonitoringConfig {

    /** One query and where it comes from (dashboard and panel, or rule file and alert). */
    record Query(String source, String expr) {
    }

    /** One alert rule as Prometheus reads it. */
    record Alert(String file, String name, String expr, String severity, String runbookAnchor) {
    }

    static final Set<String> SEVERITIES = Set.of("page", "ticket");
    private static final Set<String> RULE_KEYS = Set.of("alert", "expr", "for", "keep_firing_for", "labels", "annotations");
    private static final Set<String> GROUP_KEYS = Set.of("name", "interval", "rules", "limit");
    private static final Pattern DURATION = Pattern.compile("([0-9]+(ms|s|m|h|d|w|y))+");
    private static final Pattern ALERT_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*(.+?)\\s*,\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)");
    private static final String RUNBOOK = "docs/runbook.md";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final Path root;

    MonitoringConfig(Path root) {
        this.root = root;
    }

    /** The repository root, found upwards from the working directory (Maven runs tests in the module). */
    static MonitoringConfig fromWorkingDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/grafana/dashboards"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no deploy/grafana/dashboards above " + Path.of("").toAbsolutePath());
        }
        return new MonitoringConfig(dir);
    }

    List<Path> dashboards() {
        return list(root.resolve("deploy/grafana/dashboards"), ".json");
    }

    List<Path> ruleFiles() {
        return list(root.resolve("deploy/prometheus/rules"), ".yml");
    }

    /** Every panel target's expr and every query variable of every dashboard, after structural checks. */
    List<Query> dashboardQueries() {
        List<Query> queries = new ArrayList<>();
        for (Path file : dashboards()) {
            JsonNode dashboard = JSON.readTree(read(file));
            String name = file.getFileName().toString();
            require(dashboard.path("uid").isString() && !dashboard.path("uid").asString().isBlank(), name + ": no uid");
            require(dashboard.path("title").isString(), name + ": no title");
            Set<Integer> ids = new HashSet<>();
            List<JsonNode> panels = new ArrayList<>();
            collectPanels(dashboard.path("panels"), panels);
            require(!panels.isEmpty(), name + ": no panels");
            for (JsonNode panel : panels) {
                String where = name + " / " + panel.path("title").asString("?");
                require(ids.add(panel.path("id").asInt(-1)), where + ": missing or duplicate panel id");
                require(panel.path("gridPos").has("w") && panel.path("gridPos").has("h"), where + ": no gridPos");
                if ("row".equals(panel.path("type").asString())) {
                    continue;
                }
                require(!panel.path("title").asString("").isBlank(), where + ": untitled panel");
                JsonNode targets = panel.path("targets");
                require(targets.isArray() && !targets.isEmpty(), where + ": no queries");
                Set<String> refIds = new HashSet<>();
                for (JsonNode target : targets) {
                    String expr = target.path("expr").asString("");
                    require(!expr.isBlank(), where + ": a target without expr");
                    require(refIds.add(target.path("refId").asString("")), where + ": duplicate refId");
                    queries.add(new Query(where, expr));
                }
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                if (!"query".equals(variable.path("type").asString())) {
                    continue;
                }
                String definition = variable.path("definition").asString("");
                Matcher m = LABEL_VALUES.matcher(definition);
                require(m.matches(), name + ": variable " + variable.path("name").asString() + " is not label_values(metric, label)");
                queries.add(new Query(name + " / $" + variable.path("name").asString(),
                        "count by (" + m.group(2) + ") (" + m.group(1) + ")"));
            }
        }
        return queries;
    }

    /** Every alert rule, after checking the files are Prometheus rule files with our conventions. */
    List<Alert> alerts() {
        List<Alert> alerts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> anchors = runbookAnchors();
        for (Path file : ruleFiles()) {
            String name = file.getFileName().toString();
            Map<String, Object> top = yaml(file);
            require(top.keySet().equals(Set.of("groups")), name + ": top level must be exactly 'groups'");
            List<Object> groups = list(top.get("groups"), name + ": groups");
            require(!groups.isEmpty(), name + ": no groups");
            for (Object g : groups) {
                Map<String, Object> group = map(g, name + ": group");
                require(GROUP_KEYS.containsAll(group.keySet()), name + ": unknown group keys " + group.keySet());
                require(group.get("name") instanceof String, name + ": group without name");
                if (group.containsKey("interval")) {
                    requireDuration(group.get("interval"), name + ": group interval");
                }
                for (Object r : list(group.get("rules"), name + ": rules")) {
                    Map<String, Object> rule = map(r, name + ": rule");
                    require(RULE_KEYS.containsAll(rule.keySet()), name + ": unknown rule keys " + rule.keySet());
                    String alert = String.valueOf(rule.get("alert"));
                    String where = name + " / " + alert;
                    require(rule.get("alert") instanceof String && ALERT_NAME.matcher(alert).matches(),
                            name + ": every rule is an alert with a CamelCase name: " + rule);
                    require(names.add(alert), where + ": duplicate alert name");
                    require(rule.get("expr") instanceof String e && !e.isBlank(), where + ": no expr");
                    if (rule.containsKey("for")) {
                        requireDuration(rule.get("for"), where + ": for");
                    }
                    Map<String, Object> labels = map(rule.get("labels"), where + ": labels");
                    String severity = String.valueOf(labels.get("severity"));
                    require(SEVERITIES.contains(severity), where + ": severity must be one of " + SEVERITIES);
                    Map<String, Object> annotations = map(rule.get("annotations"), where + ": annotations");
                    require(annotations.get("summary") instanceof String, where + ": no summary");
                    require(annotations.get("description") instanceof String, where + ": no description");
                    String runbook = String.valueOf(annotations.get("runbook_url"));
                    require(runbook.contains(RUNBOOK + "#"), where + ": runbook_url must point into " + RUNBOOK);
                    String anchor = runbook.substring(runbook.indexOf('#') + 1);
                    require(anchors.contains(anchor), where + ": " + RUNBOOK + " has no heading #" + anchor);
                    alerts.add(new Alert(name, alert, ((String) rule.get("expr")).strip(), severity, anchor));
                }
            }
        }
        require(!alerts.isEmpty(), "no alert rules in deploy/prometheus/rules");
        return alerts;
    }

    /** Both Prometheus configs load the rule files (by glob or by name). */
    void checkPrometheusConfigsLoadTheRules() {
        for (String config : List.of("deploy/prometheus/prometheus.yml", "deploy/prometheus/prometheus-local.yml")) {
            Map<String, Object> top = yaml(root.resolve(config));
            List<Object> ruleFiles = list(top.get("rule_files"), config + ": rule_files");
            for (Path file : ruleFiles()) {
                String fileName = file.getFileName().toString();
                boolean loaded = ruleFiles.stream().map(String::valueOf)
                        .anyMatch(p -> p.endsWith("rules/" + fileName) || p.endsWith("rules/*.yml"));
                require(loaded, config + " does not load " + fileName);
            }
        }
    }

    /** GitHub-style anchors of the runbook's headings. */
    Set<String> runbookAnchors() {
        Set<String> anchors = new HashSet<>();
        for (String line : read(root.resolve(RUNBOOK)).split("\n")) {
            if (line.startsWith("#")) {
                String heading = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
                anchors.add(heading.replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    /** Every query: dashboards first, then the alert rules. */
    List<Query> allQueries() {
        List<Query> all = new ArrayList<>(dashboardQueries());
        for (Alert alert : alerts()) {
            all.add(new Query(alert.file() + " / " + alert.name(), alert.expr()));
        }
        return all;
    }

    private static void collectPanels(JsonNode panels, List<JsonNode> into) {
        for (JsonNode panel : panels) {
            into.add(panel);
            collectPanels(panel.path("panels"), into);
        }
    }

    private static Map<String, Object> yaml(Path file) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(read(file));
        return map(loaded, file + ": top level");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String what) {
        require(o instanceof Map, what + " must be a mapping");
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o, String what) {
        require(o instanceof List, what + " must be a list");
        return (List<Object>) o;
    }

    private static void requireDuration(Object o, String what) {
        require(o instanceof String s && DURATION.matcher(s).matches(), what + " is not a Prometheus duration: " + o);
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
            require(!found.isEmpty(), "no " + suffix + " files in " + dir);
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
