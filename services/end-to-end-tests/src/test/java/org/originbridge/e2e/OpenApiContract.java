package org.originbridge.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The part of an OpenAPI document a client relies on, as comparable lines: one per operation
 * (method, path, its parameters, the security it needs) and one per security scheme (type, flow,
 * scopes). Two documents with the same lines offer the same endpoints under the same security;
 * descriptions and body schemas may differ.
 */
final class OpenApiContract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OpenApiContract() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String yamlOrJson) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlOrJson);
        if (!(document instanceof Map)) {
            throw new IllegalArgumentException("not an OpenAPI document");
        }
        return (Map<String, Object>) document;
    }

    @SuppressWarnings("unchecked")
    static SortedSet<String> lines(Map<String, Object> document) {
        SortedSet<String> lines = new TreeSet<>();
        Map<String, Object> paths = (Map<String, Object>) document.getOrDefault("paths", Map.of());
        if (paths == null) {
            paths = Map.of();
        }
        List<Object> globalSecurity = (List<Object>) document.get("security");
        for (Map.Entry<String, Object> path : new TreeMap<>(paths).entrySet()) {
            Map<String, Object> item = (Map<String, Object>) path.getValue();
            for (Map.Entry<String, Object> op : item.entrySet()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                Map<String, Object> operation = (Map<String, Object>) op.getValue();
                List<String> parameters = new ArrayList<>();
                for (Object p : (List<Object>) operation.getOrDefault("parameters", List.of())) {
                    Map<String, Object> parameter = (Map<String, Object>) p;
                    parameters.add(parameter.get("in") + ":" + parameter.get("name")
                            + (Boolean.TRUE.equals(parameter.get("required")) ? "!" : ""));
                }
                parameters.sort(null);
                List<Object> security = (List<Object>) operation.getOrDefault("security", globalSecurity);
                lines.add(op.getKey().toUpperCase() + " " + path.getKey() + " params=" + parameters
                        + " security=" + security(security));
            }
        }
        Map<String, Object> components = (Map<String, Object>) document.getOrDefault("components", Map.of());
        Map<String, Object> schemes = components == null ? Map.of()
                : (Map<String, Object>) components.getOrDefault("securitySchemes", Map.of());
        for (Map.Entry<String, Object> scheme : new TreeMap<>(schemes).entrySet()) {
            Map<String, Object> s = (Map<String, Object>) scheme.getValue();
            StringBuilder line = new StringBuilder("scheme " + scheme.getKey() + " type=" + s.get("type"));
            Map<String, Object> flows = (Map<String, Object>) s.get("flows");
            if (flows != null) {
                for (Map.Entry<String, Object> flow : new TreeMap<>(flows).entrySet()) {
                    Map<String, Object> f = (Map<String, Object>) flow.getValue();
                    line.append(" flow=").append(flow.getKey())
                            .append(" scopes=").append(new TreeSet<>(((Map<String, Object>) f.getOrDefault("scopes", Map.of())).keySet()));
                }
            }
            if (s.get("scheme") != null) {
                line.append(" scheme=").append(s.get("scheme"));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Lines of {@code a} missing from {@code b}. */
    static SortedSet<String> missing(SortedSet<String> a, SortedSet<String> b) {
        SortedSet<String> missing = new TreeSet<>(a);
        missing.removeAll(b);
        return missing;
    }

    @SuppressWarnings("unchecked")
    private static String security(List<Object> requirements) {
        if (requirements == null || requirements.isEmpty()) {
            return "public";
        }
        List<String> out = new ArrayList<>();
        for (Object r : requirements) {
            for (Map.Entry<String, Object> e : new TreeMap<>((Map<String, Object>) r).entrySet()) {
                out.add(e.getKey() + new TreeSet<>((List<String>) e.getValue()));
            }
        }
        return out.toString();
    }
}
