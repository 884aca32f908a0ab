package org.originbridge.k8s;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Structural checks for the custom resources that have no model on Maven Central: KEDA
 * ({@code keda.sh/v1alpha1} ScaledObject, TriggerAuthentication) and External Secrets
 * ({@code external-secrets.io/v1} ExternalSecret, ClusterSecretStore). Written from the projects'
 * CRD reference for the fields this deployment uses: the allowed keys at each level (anything else
 * is refused, as a typo would be by the API server's structural schema), required keys and types.
 * Narrower than the real CRD schemas; it says so in docs/deployment.md.
 */
final class Shapes {

    private static final Set<String> METADATA = Set.of("name", "namespace", "labels", "annotations");

    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            // keda.sh/v1alpha1 ScaledObject
            Map.entry("ScaledObject.spec", Set.of("scaleTargetRef", "pollingInterval", "cooldownPeriod",
                    "initialCooldownPeriod", "idleReplicaCount", "minReplicaCount", "maxReplicaCount", "advanced",
                    "triggers", "fallback")),
            Map.entry("ScaledObject.spec.scaleTargetRef", Set.of("name", "apiVersion", "kind", "envSourceContainerName")),
            Map.entry("ScaledObject.spec.triggers[]", Set.of("type", "name", "metadata", "authenticationRef", "metricType",
                    "useCachedMetrics")),
            Map.entry("ScaledObject.spec.triggers[].authenticationRef", Set.of("name", "kind")),
            // the kafka scaler's parameters (keda.sh/docs/scalers/apache-kafka)
            Map.entry("ScaledObject.spec.triggers[].metadata", Set.of("bootstrapServers", "consumerGroup", "topic",
                    "lagThreshold", "activationLagThreshold", "offsetResetPolicy", "allowIdleConsumers",
                    "scaleToZeroOnInvalidOffset", "excludePersistentLag", "limitToPartitionsWithLag",
                    "partitionLimitation", "version", "sasl", "tls", "unsafeSsl", "ensureEvenDistributionOfPartitions")),
            // keda.sh/v1alpha1 TriggerAuthentication
            Map.entry("TriggerAuthentication.spec", Set.of("secretTargetRef", "env", "hashiCorpVault", "podIdentity",
                    "azureKeyVault", "awsSecretManager", "gcpSecretManager", "configMapTargetRef", "boundServiceAccountToken")),
            Map.entry("TriggerAuthentication.spec.secretTargetRef[]", Set.of("parameter", "name", "key")),
            // external-secrets.io/v1 ExternalSecret
            Map.entry("ExternalSecret.spec", Set.of("secretStoreRef", "target", "refreshInterval", "refreshPolicy", "data",
                    "dataFrom")),
            Map.entry("ExternalSecret.spec.secretStoreRef", Set.of("name", "kind")),
            Map.entry("ExternalSecret.spec.target", Set.of("name", "creationPolicy", "deletionPolicy", "template",
                    "immutable")),
            Map.entry("ExternalSecret.spec.data[]", Set.of("secretKey", "remoteRef", "sourceRef")),
            Map.entry("ExternalSecret.spec.data[].remoteRef", Set.of("key", "property", "version", "conversionStrategy",
                    "decodingStrategy", "metadataPolicy")),
            // external-secrets.io/v1 ClusterSecretStore (the providers this repository uses)
            Map.entry("ClusterSecretStore.spec", Set.of("provider", "conditions", "refreshInterval", "retrySettings", "controller")),
            Map.entry("ClusterSecretStore.spec.provider", Set.of("fake", "aws", "vault", "gcpsm", "azurekv", "kubernetes")),
            Map.entry("ClusterSecretStore.spec.provider.fake", Set.of("data")),
            Map.entry("ClusterSecretStore.spec.provider.fake.data[]", Set.of("key", "value", "version")),
            Map.entry("ClusterSecretStore.spec.provider.aws", Set.of("service", "region", "role", "auth", "prefix",
                    "additionalRoles", "externalID", "sessionTags", "secretsManager", "transitiveTagKeys")),
            Map.entry("ClusterSecretStore.spec.provider.aws.auth", Set.of("jwt", "secretRef")),
            Map.entry("ClusterSecretStore.spec.provider.aws.auth.jwt", Set.of("serviceAccountRef")),
            Map.entry("ClusterSecretStore.spec.provider.aws.auth.jwt.serviceAccountRef", Set.of("name", "namespace", "audiences")));

    private static final Map<String, Set<String>> REQUIRED = Map.of(
            "ScaledObject.spec", Set.of("scaleTargetRef", "triggers"),
            "ScaledObject.spec.scaleTargetRef", Set.of("name"),
            "ScaledObject.spec.triggers[]", Set.of("type", "metadata"),
            "TriggerAuthentication.spec.secretTargetRef[]", Set.of("parameter", "name", "key"),
            "ExternalSecret.spec.secretStoreRef", Set.of("name"),
            "ExternalSecret.spec.data[]", Set.of("secretKey", "remoteRef"),
            "ExternalSecret.spec.data[].remoteRef", Set.of("key"),
            "ClusterSecretStore.spec", Set.of("provider"),
            "ClusterSecretStore.spec.provider.fake.data[]", Set.of("key", "value"));

    private static final Map<String, String> API_VERSIONS = Map.of(
            "ScaledObject", "keda.sh/v1alpha1", "TriggerAuthentication", "keda.sh/v1alpha1",
            "ExternalSecret", "external-secrets.io/v1", "ClusterSecretStore", "external-secrets.io/v1");

    private Shapes() {
    }

    static boolean covers(Manifests.Doc doc) {
        return API_VERSIONS.containsKey(doc.kind());
    }

    static List<String> problems(Manifests.Doc doc) {
        List<String> problems = new ArrayList<>();
        JsonNode node = doc.node();
        if (!API_VERSIONS.get(doc.kind()).equals(doc.apiVersion())) {
            problems.add(doc.id() + ": apiVersion must be " + API_VERSIONS.get(doc.kind()));
        }
        keys(node, Set.of("apiVersion", "kind", "metadata", "spec"), doc.id(), problems);
        keys(node.path("metadata"), METADATA, doc.id() + " metadata", problems);
        if (!node.at("/metadata/name").isTextual()) {
            problems.add(doc.id() + ": metadata.name is required");
        }
        check(doc.kind() + ".spec", node.path("spec"), doc.id(), problems);
        if (doc.kind().equals("ScaledObject")) {
            for (String count : List.of("minReplicaCount", "maxReplicaCount", "pollingInterval", "cooldownPeriod")) {
                JsonNode value = node.at("/spec/" + count);
                if (!value.isMissingNode() && !value.isInt()) {
                    problems.add(doc.id() + ": spec." + count + " must be an integer");
                }
            }
            node.at("/spec/triggers").forEach(t -> t.path("metadata").fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) {
                    problems.add(doc.id() + ": trigger metadata values are strings: " + e.getKey());
                }
            }));
        }
        return problems;
    }

    private static void check(String path, JsonNode node, String id, List<String> problems) {
        if (node.isMissingNode()) {
            problems.add(id + ": " + path + " is required");
            return;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                check(path + "[]", item, id, problems);
            }
            return;
        }
        Set<String> allowed = ALLOWED.get(path);
        if (allowed == null) {
            return; // free-form below this level (e.g. a provider we do not model)
        }
        if (!node.isObject()) {
            problems.add(id + ": " + path + " must be an object");
            return;
        }
        keys(node, allowed, id + " " + path, problems);
        for (String required : REQUIRED.getOrDefault(path, Set.of())) {
            if (!node.has(required)) {
                problems.add(id + ": " + path + "." + required + " is required");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            check(path + "." + field.getKey(), field.getValue(), id, problems);
        }
    }

    private static void keys(JsonNode node, Set<String> allowed, String where, List<String> problems) {
        node.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                problems.add(where + ": unknown field " + key);
            }
        });
    }
}
