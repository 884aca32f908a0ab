package org.originbridge.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s validated offline. What is checked, and how:
 * <ul>
 *   <li>core objects bind to fabric8's Kubernetes model and Strimzi objects to the Strimzi API
 *       classes with no unknown field ({@link Manifests});</li>
 *   <li>KEDA and External Secrets objects (no model on Maven Central) match their documented
 *       shape: allowed keys per level and the required ones ({@link Shapes});</li>
 *   <li>the references between objects resolve and the operational rules of issue 12 hold.</li>
 * </ul>
 * Not checked: kustomize's own rendering of patches (no kustomize binary offline; patch targets
 * are checked to exist), and API-server defaulting/admission.
 */
class KubernetesManifestsTest {

    static final List<String> SERVICES = List.of("declaration-intake", "asw-verification", "ccpit-sync",
            "logistics-ingestion", "compliance-scoring", "status-query", "subscriptions");

    private final Path k8s = Manifests.k8sDirectory();
    private final List<Manifests.Doc> base = Manifests.resources(k8s.resolve("base"));

    @Test
    void everyObjectBindsToItsModelOrShapeWithoutUnknownFields() {
        List<String> problems = new ArrayList<>();
        for (Manifests.Doc doc : base) {
            problems.addAll(validate(doc));
        }
        assertThat(problems).isEmpty();
        assertThat(base).extracting(Manifests.Doc::kind).contains("Deployment", "Service", "PodDisruptionBudget",
                "NetworkPolicy", "ScaledObject", "ExternalSecret", "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser");
    }

    @Test
    void theValidatorRefusesAnUnknownFieldAndAMisshapenCustomResource() throws IOException {
        Manifests.Doc typo = doc("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers: [{name: x, image: x, livenessProbes: {}}]
                """);
        assertThat(validate(typo)).singleElement().asString().contains("livenessProbes");
        Manifests.Doc strimzi = doc("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                spec: {partitions: 3, replica: 3}
                """);
        assertThat(validate(strimzi)).singleElement().asString().contains("replica");
        Manifests.Doc keda = doc("""
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: x}
                spec: {scaleTargetRef: {name: x}, maxReplicas: 3, triggers: [{type: kafka, metadata: {}}]}
                """);
        assertThat(validate(keda)).isNotEmpty().anyMatch(p -> p.contains("maxReplicas"));
    }

    @Test
    void everyServiceHasProbesResourcesDisruptionBudgetPolicyAndAutoscaling() {
        Map<String, Deployment> deployments = byName("Deployment", Deployment.class);
        assertThat(deployments.keySet()).containsAll(SERVICES).contains("apicurio-registry");
        for (String name : SERVICES) {
            Deployment deployment = deployments.get(name);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getLivenessProbe()).as(name + " liveness").isNotNull();
            assertThat(container.getReadinessProbe()).as(name + " readiness").isNotNull();
            assertThat(container.getStartupProbe()).as(name + " startup").isNotNull();
            assertThat(container.getResources().getRequests()).as(name + " requests").containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(name + " limits").containsKey("memory");
            assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
            // graceful shutdown (20 s per phase in PlatformDefaults) must finish before SIGKILL
            assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).isGreaterThan(20);
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(labels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(selecting("Service", labels, "/spec/selector")).as(name + " Service").isNotEmpty();
            assertThat(selecting("PodDisruptionBudget", labels, "/spec/selector/matchLabels")).as(name + " PDB").isNotEmpty();
            assertThat(selecting("NetworkPolicy", labels, "/spec/podSelector/matchLabels")).as(name + " NetworkPolicy")
                    .anyMatch(d -> !d.node().at("/spec/podSelector/matchLabels").isEmpty());
            List<String> scalers = base.stream()
                    .filter(d -> d.kind().equals("ScaledObject") && d.node().at("/spec/scaleTargetRef/name").asText().equals(name)
                            || d.kind().equals("HorizontalPodAutoscaler") && d.node().at("/spec/scaleTargetRef/name").asText().equals(name))
                    .map(Manifests.Doc::kind).toList();
            assertThat(scalers).as(name + " autoscaler").hasSize(1);
        }
        assertThat(base).filteredOn(d -> d.kind().equals("NetworkPolicy"))
                .anyMatch(d -> d.node().at("/spec/podSelector").isEmpty()
                        && d.node().at("/spec/policyTypes").toString().contains("Ingress"));
    }

    /**
     * The authorization server runs as the services do (probes, limits, non-root, grace, Service, PDB,
     * NetworkPolicy letting the services fetch its JWKS), with its clients and signing keys from the
     * secret store, so every replica signs with the same keys; its issuer is the one the services trust.
     */
    @Test
    void theAuthorizationServerRunsWithItsClientsAndKeysFromTheSecretStore() {
        Deployment auth = byName("Deployment", Deployment.class).get("auth-server");
        assertThat(auth).as("auth-server Deployment").isNotNull();
        io.fabric8.kubernetes.api.model.PodSpec pod = auth.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        assertThat(container.getLivenessProbe()).isNotNull();
        assertThat(container.getReadinessProbe()).isNotNull();
        assertThat(container.getStartupProbe()).isNotNull();
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKey("memory");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan(20);
        assertThat(auth.getSpec().getReplicas()).as("replicas sharing the store's keys").isGreaterThanOrEqualTo(2);

        Map<String, String> labels = auth.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(selecting("Service", labels, "/spec/selector"))
                .anyMatch(d -> d.node().at("/spec/ports/0/port").asInt() == 8088);
        assertThat(selecting("PodDisruptionBudget", labels, "/spec/selector/matchLabels")).isNotEmpty();
        assertThat(selecting("NetworkPolicy", labels, "/spec/podSelector/matchLabels"))
                .filteredOn(d -> !d.node().at("/spec/podSelector/matchLabels").isEmpty())
                .anyMatch(d -> d.node().at("/spec/ingress/0/ports/0/port").asInt() == 8088
                        && d.node().at("/spec/ingress/0/from").toString().contains("\"app.kubernetes.io/part-of\":\"originbridge\""));

        // the issuer the services trust is the one the server puts in its tokens
        EnvVar issuer = container.getEnv().stream().filter(e -> e.getName().equals("ORIGINBRIDGE_AUTH_ISSUER")).findFirst().orElseThrow();
        assertThat(issuer.getValueFrom().getConfigMapKeyRef().getName()).isEqualTo("originbridge-endpoints");
        for (String service : SERVICES) {
            assertThat(byName("Deployment", Deployment.class).get(service).getSpec().getTemplate().getSpec().getContainers().get(0)
                    .getEnv()).as(service + " trusts the same issuer")
                    .anyMatch(e -> e.getName().equals("ORIGINBRIDGE_AUTH_ISSUER") && e.getValueFrom() != null
                            && e.getValueFrom().getConfigMapKeyRef().getKey().equals("ORIGINBRIDGE_AUTH_ISSUER"));
        }

        // clients and keys: a Secret volume written by an ExternalSecret from the ClusterSecretStore
        String secretName = pod.getVolumes().stream().filter(v -> v.getSecret() != null).findFirst().orElseThrow()
                .getSecret().getSecretName();
        Manifests.Doc external = docs("ExternalSecret").stream()
                .filter(d -> d.node().at("/spec/target/name").asText().equals(secretName)).findFirst()
                .orElseThrow(() -> new AssertionError("no ExternalSecret writes " + secretName));
        List<String> files = new ArrayList<>();
        List<String> remoteKeys = new ArrayList<>();
        external.node().at("/spec/data").forEach(entry -> {
            files.add(entry.path("secretKey").asText());
            remoteKeys.add(entry.at("/remoteRef/key").asText());
        });
        assertThat(files).containsExactlyInAnyOrder("clients.json", "signing-keys.json");
        // the data directory is a writable volume of the pod (the root file system is read-only)
        String data = container.getEnv().stream().filter(e -> e.getName().equals("ORIGINBRIDGE_AUTH_DATA")).findFirst()
                .orElseThrow().getValue();
        assertThat(container.getVolumeMounts()).anyMatch(m -> data.startsWith(m.getMountPath() + "/")
                && pod.getVolumes().stream().anyMatch(v -> v.getName().equals(m.getName()) && v.getEmptyDir() != null));
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        // the local overlay's fake store has every key the ExternalSecret asks for
        List<String> local = Manifests.readOne(k8s.resolve("overlays/local/cluster-secret-store.yaml"))
                .at("/spec/provider/fake/data").findValuesAsText("key");
        assertThat(local).containsAll(remoteKeys);
    }

    @Test
    void consumersScaleOnTheLagOfTheirOwnGroupWithinThePartitionCount() {
        Map<String, KafkaTopic> topics = byName("KafkaTopic", KafkaTopic.class);
        for (Manifests.Doc scaler : docs("ScaledObject")) {
            String target = scaler.node().at("/spec/scaleTargetRef/name").asText();
            JsonNode trigger = scaler.node().at("/spec/triggers/0");
            assertThat(trigger.path("type").asText()).isEqualTo("kafka");
            assertThat(trigger.at("/metadata/consumerGroup").asText()).as("group = application name").isEqualTo(target);
            assertThat(names("TriggerAuthentication")).contains(trigger.at("/authenticationRef/name").asText());
            int maxReplicas = scaler.node().at("/spec/maxReplicaCount").asInt();
            // instances beyond the partition count would idle; each instance runs 3 listener threads
            int minPartitions = topics.values().stream().mapToInt(t -> t.getSpec().getPartitions()).min().orElseThrow();
            assertThat(maxReplicas * 3).as(target + " threads vs partitions").isLessThanOrEqualTo(minPartitions);
        }
    }

    @Test
    void kafkaIsKraftWithReplicationThreeAndMinInsyncTwoAndTopicsOwnedHere() {
        Kafka kafka = byName("Kafka", Kafka.class).values().iterator().next();
        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        assertThat(config).containsEntry("default.replication.factor", 3).containsEntry("min.insync.replicas", 2)
                .containsEntry("offsets.topic.replication.factor", 3).containsEntry("auto.create.topics.enable", false);
        List<KafkaNodePool> pools = List.copyOf(byName("KafkaNodePool", KafkaNodePool.class).values());
        assertThat(pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.CONTROLLER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum()).as("KRaft controllers").isGreaterThanOrEqualTo(3);
        assertThat(pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum()).as("brokers").isGreaterThanOrEqualTo(3);

        Map<String, KafkaTopic> topics = byName("KafkaTopic", KafkaTopic.class);
        assertThat(topics.keySet()).contains("coo-declarations-submitted", "coo-declarations-accepted",
                "coo-declarations-rejected", "asw-verifications", "eco-issuance-status", "logistics-node-events",
                "supplier-compliance-scores");
        for (KafkaTopic topic : topics.values()) {
            assertThat(topic.getSpec().getReplicas()).as(topic.getMetadata().getName()).isEqualTo(3);
            assertThat(topic.getSpec().getConfig()).as(topic.getMetadata().getName()).containsEntry("min.insync.replicas", 2);
        }
        assertThat(topics.get("supplier-compliance-scores").getSpec().getConfig()).containsEntry("cleanup.policy", "compact");

        // every service: a KafkaUser; it never creates topics; every topic its ACLs name exists;
        // every topic it reads has its dead-letter topic
        Map<String, KafkaUser> users = byName("KafkaUser", KafkaUser.class);
        Map<String, Deployment> deployments = byName("Deployment", Deployment.class);
        for (String service : SERVICES) {
            assertThat(users).containsKey(service);
            assertThat(env(deployments.get(service))).containsEntry("SPRING_KAFKA_ADMIN_AUTO_CREATE", "false");
            for (AclRule rule : users.get(service).getSpec().getAuthorization() instanceof
                    io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple simple ? simple.getAcls() : List.<AclRule>of()) {
                assertThat(rule.getOperations()).noneMatch(op -> op.toValue().equals("Create"));
                if (rule.getResource() instanceof AclRuleTopicResource topic) {
                    assertThat(topics).as(service + " ACL topic").containsKey(topic.getName());
                    if (rule.getOperations().stream().anyMatch(op -> op.toValue().equals("Read"))) {
                        assertThat(topics).containsKey(topic.getName() + "-" + service + "-dlt");
                    }
                }
            }
        }
    }

    @Test
    void everySecretAndConfigMapReferenceResolves() {
        Set<String> secrets = new HashSet<>(names("KafkaUser")); // the User Operator writes one Secret per user
        secrets.addAll(names("Secret"));
        docs("ExternalSecret").forEach(d -> secrets.add(d.node().at("/spec/target/name").asText()));
        Map<String, Set<String>> configMaps = new HashMap<>();
        docs("ConfigMap").forEach(d -> {
            Set<String> keys = new HashSet<>();
            d.node().path("data").fieldNames().forEachRemaining(keys::add);
            configMaps.put(d.name(), keys);
        });
        for (Deployment deployment : byName("Deployment", Deployment.class).values()) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar env : container.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        assertThat(secrets).as(env.getName()).contains(env.getValueFrom().getSecretKeyRef().getName());
                    }
                    if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                        var ref = env.getValueFrom().getConfigMapKeyRef();
                        assertThat(configMaps.getOrDefault(ref.getName(), Set.of())).as(env.getName()).contains(ref.getKey());
                    }
                }
                container.getEnvFrom().forEach(from -> assertThat(secrets).contains(from.getSecretRef().getName()));
            }
        }
        for (Manifests.Doc external : docs("ExternalSecret")) {
            assertThat(external.node().at("/spec/secretStoreRef/kind").asText()).isEqualTo("ClusterSecretStore");
        }
        // no literal secret values in the base beyond KEDA's non-secret SASL mechanism/user name
        assertThat(docs("Secret")).allSatisfy(d -> assertThat(d.name()).isEqualTo("keda-kafka-sasl"));
    }

    @Test
    void registryKeepsSchemasInKafkaAndMongoDbIsAnExternalReplicaSet() {
        Deployment registry = byName("Deployment", Deployment.class).get("apicurio-registry");
        assertThat(env(registry)).containsEntry("APICURIO_STORAGE_KIND", "kafkasql");
        assertThat(base).noneMatch(d -> d.kind().equals("StatefulSet") || d.name().contains("mongo"));
        for (Manifests.Doc external : docs("ExternalSecret")) {
            external.node().at("/spec/data").forEach(entry -> {
                if (entry.path("secretKey").asText().equals("MONGODB_URI")) {
                    assertThat(entry.at("/remoteRef/key").asText()).isEqualTo("originbridge/mongodb-uri");
                }
            });
        }
        String localUri = Manifests.readOne(k8s.resolve("overlays/local/cluster-secret-store.yaml"))
                .at("/spec/provider/fake/data").findValuesAsText("value").stream()
                .filter(v -> v.startsWith("mongodb://")).findFirst().orElseThrow();
        assertThat(localUri).contains("replicaSet=");
    }

    @Test
    void overlaysReferenceExistingFilesAndPatchExistingObjects() throws IOException {
        List<Path> overlays;
        try (Stream<Path> dirs = Files.list(k8s.resolve("overlays"))) {
            overlays = dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml"))).sorted().toList();
        }
        assertThat(overlays).extracting(p -> p.getFileName().toString()).contains("local", "prod");
        Set<String> baseImages = new HashSet<>();
        for (Deployment d : byName("Deployment", Deployment.class).values()) {
            d.getSpec().getTemplate().getSpec().getContainers().forEach(c -> baseImages.add(c.getImage().replaceFirst(":[^:/]+$", "")));
        }
        for (Path overlay : overlays) {
            List<Manifests.Doc> all = Manifests.resources(overlay);
            assertThat(all.size()).isGreaterThan(base.size());
            List<String> problems = new ArrayList<>();
            all.stream().filter(d -> !base.contains(d)).forEach(d -> problems.addAll(validate(d)));
            assertThat(problems).as(overlay.toString()).isEmpty();
            JsonNode kustomization = Manifests.readOne(overlay.resolve("kustomization.yaml"));
            for (JsonNode patch : kustomization.path("patches")) {
                Manifests.Doc patchDoc = new Manifests.Doc(overlay.resolve(patch.path("path").asText()),
                        Manifests.readOne(overlay.resolve(patch.path("path").asText())));
                if (patch.has("target")) {
                    String kind = patch.at("/target/kind").asText();
                    String selector = patch.at("/target/labelSelector").asText();
                    String[] kv = selector.split("=");
                    assertThat(all).as(overlay + " patch target " + selector)
                            .anyMatch(d -> d.kind().equals(kind) && d.node().at("/metadata/labels").path(kv[0]).asText().equals(kv[1]));
                } else {
                    assertThat(all).as(overlay + " patch " + patchDoc.id())
                            .anyMatch(d -> d.kind().equals(patchDoc.kind()) && d.name().equals(patchDoc.name()));
                }
            }
            for (JsonNode generator : kustomization.path("configMapGenerator")) {
                assertThat(names("ConfigMap")).contains(generator.path("name").asText());
                generator.path("envs").forEach(e -> assertThat(overlay.resolve(e.asText())).isRegularFile());
            }
            for (JsonNode image : kustomization.path("images")) {
                assertThat(baseImages).contains(image.path("name").asText());
            }
        }
    }

    private List<String> validate(Manifests.Doc doc) {
        if (Shapes.covers(doc)) {
            return Shapes.problems(doc);
        }
        try {
            return Manifests.unknownFields(Manifests.bind(doc)).stream().map(f -> doc.id() + ": unknown field " + f).toList();
        } catch (AssertionError e) {
            return List.of(e.getMessage());
        }
    }

    private static Manifests.Doc doc(String yaml) throws IOException {
        Path file = Files.createTempFile("manifest", ".yaml");
        try {
            Files.writeString(file, yaml);
            return new Manifests.Doc(file, Manifests.readOne(file));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private List<Manifests.Doc> docs(String kind) {
        return base.stream().filter(d -> d.kind().equals(kind)).toList();
    }

    private Set<String> names(String kind) {
        Set<String> names = new HashSet<>();
        docs(kind).forEach(d -> names.add(d.name()));
        return names;
    }

    private <T> Map<String, T> byName(String kind, Class<T> type) {
        Map<String, T> out = new HashMap<>();
        docs(kind).forEach(d -> out.put(d.name(), type.cast(Manifests.bind(d))));
        return out;
    }

    private List<Manifests.Doc> selecting(String kind, Map<String, String> podLabels, String selectorPointer) {
        return docs(kind).stream().filter(d -> {
            JsonNode selector = d.node().at(selectorPointer);
            if (selector.isMissingNode()) {
                return false;
            }
            for (var it = selector.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().asText().equals(podLabels.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }).toList();
    }

    private static Map<String, String> env(Deployment deployment) {
        Map<String, String> env = new HashMap<>();
        deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
                .forEach(e -> env.put(e.getName(), e.getValue()));
        return env;
    }
}
