package org.originbridge.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Reads Kustomize directories the way {@code kustomize build} collects them (resources, recursively
 * through directories with a kustomization.yaml) and binds each object to its model class:
 * fabric8's Kubernetes model for core objects, the Strimzi operator's own API classes for its
 * custom resources. Both keep fields they do not know in an "additionalProperties" map instead of
 * failing, so {@link #unknownFields} walks the bound object and reports every such field: a typo
 * or a field of another API version is an error, as the API server's strict validation makes it.
 */
final class Manifests {

    /** One YAML document and where it came from. */
    record Doc(Path file, JsonNode node) {

        String kind() {
            return node.path("kind").asText();
        }

        String apiVersion() {
            return node.path("apiVersion").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        String id() {
            return kind() + "/" + name() + " (" + file.getFileName() + ")";
        }
    }

    /** apiVersion + kind -> model class, for everything validated against a model. */
    static final Map<String, Class<?>> MODELS = new LinkedHashMap<>();

    static {
        MODELS.put("v1/Service", Service.class);
        MODELS.put("v1/ServiceAccount", ServiceAccount.class);
        MODELS.put("v1/ConfigMap", ConfigMap.class);
        MODELS.put("v1/Secret", Secret.class);
        MODELS.put("apps/v1/Deployment", Deployment.class);
        MODELS.put("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);
        MODELS.put("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);
        MODELS.put("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);
        MODELS.put("kafka.strimzi.io/v1/Kafka", Kafka.class);
        MODELS.put("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class);
        MODELS.put("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class);
        MODELS.put("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class);
    }

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private Manifests() {
    }

    /** The repository's deploy/k8s, found upwards from the working directory. */
    static Path k8sDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("deploy/k8s/base/kustomization.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no deploy/k8s/base/kustomization.yaml above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("deploy/k8s");
    }

    static JsonNode readOne(Path file) {
        List<JsonNode> docs = readAll(file);
        if (docs.size() != 1) {
            throw new AssertionError(file + ": expected one YAML document, found " + docs.size());
        }
        return docs.get(0);
    }

    static List<JsonNode> readAll(Path file) {
        try (YAMLParser parser = new YAMLFactory().createParser(Files.readString(file))) {
            List<JsonNode> docs = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    docs.add(node);
                }
            });
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Every object a kustomization directory contributes through its resources (not its patches). */
    static List<Doc> resources(Path kustomizationDir) {
        JsonNode kustomization = readOne(kustomizationDir.resolve("kustomization.yaml"));
        List<Doc> docs = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = kustomizationDir.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                docs.addAll(resources(path));
            } else if (Files.isRegularFile(path)) {
                for (JsonNode node : readAll(path)) {
                    docs.add(new Doc(path, node));
                }
            } else {
                throw new AssertionError(kustomizationDir + "/kustomization.yaml: resource " + resource.asText() + " does not exist");
            }
        }
        return docs;
    }

    /** Binds a document to its model class, failing on a field the model has no property for. */
    static Object bind(Doc doc) {
        Class<?> model = MODELS.get(doc.apiVersion() + "/" + doc.kind());
        if (model == null) {
            throw new AssertionError(doc.id() + ": no model for " + doc.apiVersion() + " " + doc.kind());
        }
        try {
            return STRICT.treeToValue(doc.node(), model);
        } catch (IOException | IllegalArgumentException e) {
            throw new AssertionError(doc.id() + ": " + e.getMessage(), e);
        }
    }

    /** Paths of every field that landed in an additionalProperties map of the bound object graph. */
    static List<String> unknownFields(Object bound) {
        List<String> unknown = new ArrayList<>();
        walk(bound, "", unknown, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return unknown;
    }

    private static void walk(Object o, String path, List<String> unknown, Set<Object> seen) {
        if (o == null || !seen.add(o)) {
            return;
        }
        if (o instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, unknown, seen));
            return;
        }
        if (o instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        String pkg = o.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method method : o.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = method.getName();
            if (!name.startsWith("get") || name.equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = method.invoke(o);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (name.equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> unknown.add(path + "." + k));
                }
            } else {
                String property = Character.toLowerCase(name.charAt(3)) + name.substring(4);
                walk(value, path + "." + property, unknown, seen);
            }
        }
    }
}
