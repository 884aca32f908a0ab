package org.originbridge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class KafkaPrincipalsTest {

    private static final KafkaPrincipals TABLE = KafkaPrincipals.read(Path.of("config/kafka-principals.conf"));

    /** "OPERATION TYPE:PATTERN:NAME" for each binding, to compare readably. */
    private static Set<String> rights(String principal) {
        return TABLE.bindings(TABLE.principal(principal)).stream().map(KafkaPrincipalsTest::right).collect(Collectors.toSet());
    }

    private static String right(AclBinding b) {
        assertThat(b.entry().host()).isEqualTo("*");
        return b.entry().operation() + " " + b.pattern().resourceType() + ":" + b.pattern().patternType() + ":" + b.pattern().name();
    }

    @Test
    void theProcurementPlatformReadsTheScoreTopicOnlyWithItsOwnGroups() {
        assertThat(rights("procurement-buyhub")).containsExactlyInAnyOrder(
                "READ TOPIC:LITERAL:supplier-compliance-scores",
                "DESCRIBE TOPIC:LITERAL:supplier-compliance-scores",
                "READ GROUP:PREFIXED:procurement-buyhub");
    }

    @Test
    void theErpProducerWritesSubmittedDeclarationsAndBillsOfMaterialsOnly() {
        assertThat(rights("erp-producer")).containsExactlyInAnyOrder(
                "WRITE TOPIC:LITERAL:coo-declarations-submitted", "DESCRIBE TOPIC:LITERAL:coo-declarations-submitted",
                "WRITE TOPIC:LITERAL:bom-submissions", "DESCRIBE TOPIC:LITERAL:bom-submissions");
    }

    @Test
    void aServiceWritesItsOwnTopicsAndTheDeadLettersOfWhatItReadsAndNothingElse() {
        Set<String> scoring = rights("compliance-scoring");
        assertThat(scoring).contains("WRITE TOPIC:LITERAL:supplier-compliance-scores",
                "WRITE TOPIC:LITERAL:asw-verifications-compliance-scoring-dlt",
                "READ TOPIC:LITERAL:logistics-node-events", "READ GROUP:LITERAL:compliance-scoring");
        // topics are the administrator's: no service may create one or change its configs
        for (KafkaPrincipals.Principal p : TABLE.principals()) {
            if (p.kind() != KafkaPrincipals.Kind.OPERATOR) {
                assertThat(rights(p.name())).as(p.name()).noneMatch(r -> r.startsWith("CREATE ") || r.startsWith("ALTER_CONFIGS ")
                        || r.startsWith("DESCRIBE_CONFIGS ") || r.startsWith("ALTER ") || r.startsWith("DELETE "));
            }
        }
        Set<String> writes = scoring.stream().filter(r -> r.startsWith("WRITE ")).collect(Collectors.toSet());
        assertThat(writes).containsExactlyInAnyOrder("WRITE TOPIC:LITERAL:supplier-compliance-scores",
                "WRITE TOPIC:LITERAL:coo-declarations-accepted-compliance-scoring-dlt",
                "WRITE TOPIC:LITERAL:coo-declarations-rejected-compliance-scoring-dlt",
                "WRITE TOPIC:LITERAL:asw-verifications-compliance-scoring-dlt",
                "WRITE TOPIC:LITERAL:eco-issuance-status-compliance-scoring-dlt",
                "WRITE TOPIC:LITERAL:logistics-node-events-compliance-scoring-dlt",
                "WRITE TOPIC:LITERAL:declaration-consistency-compliance-scoring-dlt",
                // it reads its own compacted scores topic to continue versions after a rebuild (no listener: never used)
                "WRITE TOPIC:LITERAL:supplier-compliance-scores-compliance-scoring-dlt");
        assertThat(scoring).noneMatch(r -> r.startsWith("READ TOPIC:LITERAL:coo-declarations-submitted"))
                .noneMatch(r -> r.contains(":*") || r.contains("CLUSTER") || r.contains("PREFIXED"))
                .noneMatch(r -> r.startsWith("READ GROUP") && !r.endsWith(":compliance-scoring"));
    }

    /**
     * Least privilege on {@code coo-declaration-failures}: only a step of a declaration's processing publishes the
     * fact (the platform's error handler, {@code originbridge.kafka.declaration-step}, true by default); a read side
     * ({@code declaration-step: false} in its application.yml) may read it where it listens, never write it.
     */
    @Test
    void onlyTheDeclarationStepsWriteTheFailureFactsAndTheReadSidesReadIt() throws java.io.IOException {
        String failures = "coo-declaration-failures";
        java.util.List<String> steps = new java.util.ArrayList<>();
        java.util.List<String> readSides = new java.util.ArrayList<>();
        for (KafkaPrincipals.Principal p : TABLE.principals()) {
            if (p.kind() != KafkaPrincipals.Kind.SERVICE) {
                continue;
            }
            Path config = Path.of("../../services", p.name(), "src/main/resources/application.yml");
            assertThat(config).as("the application.yml of service principal " + p.name()).isRegularFile();
            boolean readSide = java.nio.file.Files.readAllLines(config).stream().map(String::trim)
                    .anyMatch(l -> l.matches("declaration-step:\\s*false(\\s*#.*)?"));
            (readSide ? readSides : steps).add(p.name());
            Set<String> rights = rights(p.name());
            if (readSide) {
                assertThat(rights).as(p.name() + " is a read side").doesNotContain("WRITE TOPIC:LITERAL:" + failures);
            } else {
                assertThat(rights).as(p.name() + " is a declaration step").contains("WRITE TOPIC:LITERAL:" + failures);
            }
        }
        assertThat(steps).containsExactlyInAnyOrder("declaration-intake", "asw-verification", "ccpit-sync");
        assertThat(readSides).containsExactlyInAnyOrder("logistics-ingestion", "compliance-scoring", "status-query",
                "subscriptions");
        // where a read side listens to the facts, it keeps Read (and its dead-letter topic)
        for (String reader : java.util.List.of("status-query", "subscriptions")) {
            assertThat(rights(reader)).contains("READ TOPIC:LITERAL:" + failures,
                    "WRITE TOPIC:LITERAL:" + failures + "-" + reader + "-dlt");
        }
    }

    @Test
    void onlyTheOperatorHasWildcardsAndNobodyIsRefusedNothing() {
        assertThat(rights("operator")).contains("READ TOPIC:LITERAL:*", "WRITE TOPIC:LITERAL:*", "DELETE GROUP:LITERAL:*",
                "DESCRIBE CLUSTER:LITERAL:kafka-cluster");
        for (KafkaPrincipals.Principal p : TABLE.principals()) {
            assertThat(TABLE.bindings(p)).allSatisfy(b -> {
                assertThat(b.entry().principal()).isEqualTo("User:" + p.name());
                assertThat(b.entry().operation()).isNotEqualTo(AclOperation.ALL);
                if (p.kind() != KafkaPrincipals.Kind.OPERATOR) {
                    assertThat(b.pattern().name()).isNotEqualTo("*");
                    assertThat(b.pattern().resourceType()).isNotEqualTo(ResourceType.CLUSTER);
                }
            });
        }
        assertThat(TABLE.principals()).extracting(KafkaPrincipals.Principal::name).contains("declaration-intake",
                "asw-verification", "ccpit-sync", "logistics-ingestion", "compliance-scoring", "status-query",
                "procurement-buyhub", "erp-producer", "operator");
    }

    @Test
    void aPrincipalIsOneLine() {
        KafkaPrincipals one = KafkaPrincipals.parse("webhook-dispatcher service read=supplier-compliance-scores groups=webhook-dispatcher\n");
        assertThat(one.bindings(one.principal("webhook-dispatcher")).stream().map(KafkaPrincipalsTest::right))
                .contains("READ TOPIC:LITERAL:supplier-compliance-scores", "READ GROUP:LITERAL:webhook-dispatcher",
                        "WRITE TOPIC:LITERAL:supplier-compliance-scores-webhook-dispatcher-dlt");
        assertThat(one.bindings(one.principal("webhook-dispatcher"))).extracting(b -> b.pattern().patternType())
                .containsOnly(PatternType.LITERAL);
    }

    @Test
    void hostileOrBrokenLinesAreRefusedWithTheirLineNumber() {
        assertThatThrownBy(() -> KafkaPrincipals.parse("# c\nx client read=*")).hasMessageContaining("line 2")
                .hasMessageContaining("only the operator");
        assertThatThrownBy(() -> KafkaPrincipals.parse("x client read=coo-*")).hasMessageContaining("prefix is for groups only");
        assertThatThrownBy(() -> KafkaPrincipals.parse("x client write=a;b")).hasMessageContaining("not a topic or group name");
        assertThatThrownBy(() -> KafkaPrincipals.parse("User:x client read=a")).hasMessageContaining("principal name");
        assertThatThrownBy(() -> KafkaPrincipals.parse("x root read=a")).hasMessageContaining("kind is service, client or operator");
        assertThatThrownBy(() -> KafkaPrincipals.parse("x client delete=a")).hasMessageContaining("expected read=");
        assertThatThrownBy(() -> KafkaPrincipals.parse("x client read=a read=b")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> KafkaPrincipals.parse("x client read=a\nx client write=b")).hasMessageContaining("line 2")
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> KafkaPrincipals.parse("x client read=..")).hasMessageContaining("not a topic");
        assertThatThrownBy(() -> KafkaPrincipals.parse("x")).hasMessageContaining("expected NAME KIND");
        assertThatThrownBy(() -> KafkaPrincipals.parse("x".repeat(65) + " client")).hasMessageContaining("principal name");
    }

    @Test
    void theAdministratorCreatesTheCatalogueWithItsConfigsAndEveryServicesDeadLetters() {
        java.util.List<String> expected = new java.util.ArrayList<>(TABLE.catalogue());
        expected.add(DeadLetters.LEDGER); // the replay ledger of `dlt replay` (run as the operator, who has no Create)
        assertThat(TABLE.topics()).extracting(KafkaPrincipals.TopicSpec::name).containsExactlyInAnyOrderElementsOf(expected);
        KafkaPrincipals.TopicSpec scores = TABLE.topics().stream().filter(t -> t.name().equals("supplier-compliance-scores"))
                .findFirst().orElseThrow();
        assertThat(scores.configs()).containsExactly(java.util.Map.entry("cleanup.policy", "compact"));
        assertThat(TABLE.topicsToCreate()).extracting(KafkaPrincipals.TopicSpec::name)
                .contains("coo-declarations-submitted", "signing-keys", "coo-declarations-submitted-declaration-intake-dlt",
                        "supplier-compliance-scores-subscriptions-dlt", "coo-declaration-failures-status-query-dlt")
                .doesNotHaveDuplicates();
        KafkaPrincipals one = KafkaPrincipals.parse("topic a partitions=2 retention.ms=-1\nx service read=a\n");
        assertThat(one.topicsToCreate()).containsExactly(new KafkaPrincipals.TopicSpec("a", 2, java.util.Map.of("retention.ms", "-1")),
                new KafkaPrincipals.TopicSpec("a-x-dlt", null, java.util.Map.of()));
    }

    @Test
    void hostileOrBrokenTopicLinesAreRefused() {
        for (String line : java.util.List.of("topic", "topic a*", "topic *", "topic ..", "topic a/b", "topic a partitions=0",
                "topic a partitions=x", "topic a partitions=1001", "topic a retention.ms", "topic a Retention.ms=1",
                "topic a retention.ms=1;x", "topic a retention.ms=1 retention.ms=2", "topic a x=" + "1".repeat(65))) {
            assertThatThrownBy(() -> KafkaPrincipals.parse(line)).as(line).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("line 1");
        }
        assertThatThrownBy(() -> KafkaPrincipals.parse("topic a\ntopic a")).hasMessageContaining("listed twice");
    }

    @Test
    void clientSettingsOnlyWithAUserNameAndWithTheJaasValueEscaped() {
        assertThat(KafkaClientSecurity.settings(null, null)).isEmpty();
        assertThat(KafkaClientSecurity.settings(" ", "x")).isEmpty();
        assertThatThrownBy(() -> KafkaClientSecurity.settings("operator", "")).hasMessageContaining("ORIGINBRIDGE_KAFKA_PASSWORD");
        assertThat(KafkaClientSecurity.settings("operator", "a\"b\\c").get("sasl.jaas.config")).isEqualTo(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"operator\" password=\"a\\\"b\\\\c\";");
        assertThat(KafkaClientSecurity.settings("operator", "p")).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    }
}
