package org.originbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.originbridge.examples.common.Settings;
import org.originbridge.examples.procurement.ProcurementConsumer;
import org.originbridge.platform.Topics;
import org.originbridge.runtime.KafkaAccess;
import org.originbridge.runtime.KafkaPrincipals;

/**
 * The broker of bin/originbridge with authentication on (SASL/SCRAM, StandardAuthorizer, no ACL = no
 * access) and the principals table applied by KafkaAccess, as `up` does: the example procurement
 * consumer reads scores with its own credentials; everything the table does not allow is refused by
 * the broker itself.
 */
class KafkaAccessIT {

    private static final Path TABLE_FILE = Path.of("../../deploy/runtime/config/kafka-principals.conf");
    private static final String SCORES = Topics.SUPPLIER_COMPLIANCE_SCORES;

    @TempDir
    static Path credentials;

    private static SecuredKafka kafka;
    private static KafkaAccess access;
    private static KafkaAccess.Applied firstRun;

    @BeforeAll
    static void start() throws Exception {
        kafka = SecuredKafka.start();
        access = new KafkaAccess(KafkaPrincipals.read(TABLE_FILE), credentials);
        try (Admin admin = kafka.admin()) {
            firstRun = access.apply(admin); // creates the topics too, as `up` does
        }
        // the broker learns new SCRAM credentials asynchronously (metadata): wait until each principal
        // authenticates before the tests judge what it may do (a loaded machine takes a while)
        for (KafkaPrincipals.Principal p : KafkaPrincipals.read(TABLE_FILE).principals()) {
            Instant deadline = Instant.now().plusSeconds(120);
            while (true) {
                try (Admin as = Admin.create(kafka.clientConfig(p.name(), access.password(p.name())))) {
                    as.listTopics().names().get(20, TimeUnit.SECONDS);
                    break;
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new AssertionError(p.name() + " never authenticated", e);
                    }
                    Thread.sleep(500);
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theTableNamesEveryTopicOfTheCatalogueAndApplyingItTwiceChangesNothing() throws Exception {
        Set<String> catalogue = KafkaPrincipals.read(TABLE_FILE).catalogue();
        assertThat(catalogue).containsAll(Topics.ALL).contains("signing-keys");
        assertThat(firstRun.principals()).isEqualTo(KafkaPrincipals.read(TABLE_FILE).principals().size());
        assertThat(firstRun.aclsCreated()).isPositive();
        try (Admin admin = kafka.admin()) {
            KafkaAccess.Applied again = access.apply(admin);
            assertThat(again.aclsCreated()).isZero();
            assertThat(again.aclsRemoved()).isZero();
            assertThat(again.topicsCreated()).isZero();
            assertThat(again.topicConfigsSet()).isZero();
        }
        // each password is made once, readable by its owner only
        Path file = credentials.resolve("procurement-buyhub.password");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(access.password("procurement-buyhub")).hasSize(64).isEqualTo(Files.readString(file).strip());
    }

    @Test
    void theExampleProcurementConsumerReadsScoresWithItsOwnCredentials() throws Exception {
        String supplier = "SUP-ACL-" + System.nanoTime();
        // compliance-scoring writes its own topic with its own principal
        ConfluentWire wire = new ConfluentWire(RealInfrastructure.confluentCompatibleUrl());
        Schema schema = GenericScores.schema();
        int id = wire.register(SCORES, schema);
        try (KafkaProducer<String, byte[]> producer = producer("compliance-scoring")) {
            producer.send(new ProducerRecord<>(SCORES, supplier, wire.encode(id, GenericScores.score(schema, supplier, "KafkaAccessIT"))))
                    .get(60, TimeUnit.SECONDS);
        }

        Map<String, ProcurementConsumer.SupplierScore> scores = new ProcurementConsumer(new Settings(new String[] {
                "--kafka-bootstrap-servers=" + kafka.bootstrapServers(),
                "--kafka-username=procurement-buyhub",
                "--kafka-password=" + access.password("procurement-buyhub"),
                "--registry-url=" + RealInfrastructure.confluentCompatibleUrl(),
                "--until-supplier=" + supplier,
                "--max-seconds=120"}, Map.of())).run();

        assertThat(scores).containsKey(supplier);
        assertThat(scores.get(supplier).score()).isEqualTo(87);
        assertThat(scores.get(supplier).factors()).containsExactly("ASW_VERIFIED");
    }

    @Test
    void theAdministratorCreatesEveryTopicWithItsConfigsAndAServicePrincipalCanNeitherCreateNorReconfigureTopics()
            throws Exception {
        try (Admin admin = kafka.admin()) {
            // every catalogue topic and every service's dead letters exist, with the catalogue's configs
            Set<String> names = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            assertThat(firstRun.topicsCreated()).isEqualTo(KafkaPrincipals.read(TABLE_FILE).topicsToCreate().size());
            assertThat(names).containsAll(Topics.ALL).contains(Topics.SIGNING_KEYS,
                    Topics.deadLetter(Topics.DECLARATIONS_ACCEPTED, "compliance-scoring"),
                    Topics.deadLetter(Topics.SUPPLIER_COMPLIANCE_SCORES, "subscriptions"));
            for (String topic : List.of(SCORES, Topics.DECLARATIONS_SUBMITTED, Topics.SIGNING_KEYS)) {
                Config config = topicConfig(admin, topic);
                Topics.configs(topic).forEach((key, value) -> assertThat(config.get(key).value()).as(topic + " " + key).isEqualTo(value));
            }
            assertThat(topicConfig(admin, Topics.SIGNING_KEYS).get("cleanup.policy").value()).isEqualTo("compact");
        }

        // a service's credential cannot change a topic's retention, nor create a topic
        try (Admin scoring = Admin.create(kafka.clientConfig("compliance-scoring", access.password("compliance-scoring")))) {
            ConfigResource scores = new ConfigResource(ConfigResource.Type.TOPIC, SCORES);
            assertThatThrownBy(() -> scoring.incrementalAlterConfigs(Map.of(scores, List.of(new AlterConfigOp(
                    new ConfigEntry("retention.ms", "1000"), AlterConfigOp.OpType.SET)))).all().get(60, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(AuthorizationException.class);
            ConfigResource own = new ConfigResource(ConfigResource.Type.TOPIC, Topics.deadLetter(Topics.ASW_VERIFICATIONS, "compliance-scoring"));
            assertThatThrownBy(() -> scoring.incrementalAlterConfigs(Map.of(own, List.of(new AlterConfigOp(
                    new ConfigEntry("retention.ms", "1000"), AlterConfigOp.OpType.SET)))).all().get(60, TimeUnit.SECONDS))
                    .as("not even its own dead-letter topic").hasCauseInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> scoring.createTopics(List.of(new NewTopic("compliance-scoring-scratch", 1, (short) 1)))
                    .all().get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(AuthorizationException.class);
        }
        try (Admin admin = kafka.admin()) {
            assertThat(topicConfig(admin, SCORES).get("retention.ms").value()).isNotEqualTo("1000");
            assertThat(admin.listTopics().names().get(60, TimeUnit.SECONDS)).doesNotContain("compliance-scoring-scratch");
        }
    }

    private static Config topicConfig(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(60, TimeUnit.SECONDS).get(resource);
    }

    @Test
    void aPrincipalWithoutAclsIsRefusedByTheBroker() throws Exception {
        try (Admin admin = kafka.admin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion("stranger",
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), "stranger-password")))
                    .all().get(60, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig("stranger", "stranger-password"),
                new StringSerializer(), new ByteArraySerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(SCORES, "k", new byte[] {1})).get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        assertReadRefused("stranger", "stranger-password", SCORES, null, TopicAuthorizationException.class);
    }

    @Test
    void theProcurementPrincipalCannotReadDeclarationsNorUseAnotherGroup() {
        String password = access.password("procurement-buyhub");
        assertReadRefused("procurement-buyhub", password, Topics.DECLARATIONS_SUBMITTED, "procurement-buyhub-x",
                TopicAuthorizationException.class);
        assertReadRefused("procurement-buyhub", password, SCORES, "status-query", GroupAuthorizationException.class);
    }

    @Test
    void aServicePrincipalCannotWriteAnotherServicesTopic() throws Exception {
        try (KafkaProducer<String, byte[]> intake = producer("declaration-intake")) {
            assertThatThrownBy(() -> intake.send(new ProducerRecord<>(SCORES, "SUP-X", new byte[] {0})).get(60, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            // its own topic is fine
            intake.send(new ProducerRecord<>(Topics.DECLARATIONS_ACCEPTED, "D-1", new byte[] {0})).get(60, TimeUnit.SECONDS);
        }
        // a read side does not publish processing failures (declaration-step: false): it may not write them either
        try (KafkaProducer<String, byte[]> statusQuery = producer("status-query")) {
            assertThatThrownBy(() -> statusQuery.send(new ProducerRecord<>(Topics.DECLARATION_FAILURES, "D-1", new byte[] {0}))
                    .get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaProducer<String, byte[]> erp = producer("erp-producer")) {
            assertThatThrownBy(() -> erp.send(new ProducerRecord<>(Topics.DECLARATIONS_ACCEPTED, "D-1", new byte[] {0}))
                    .get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefusedAtAuthentication() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                producerConfig("procurement-buyhub", access.password("procurement-buyhub") + "x\" user=\"admin"),
                new StringSerializer(), new ByteArraySerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(SCORES, "k", new byte[] {1})).get(60, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    /** Polls {@code topic} as {@code user}: subscribed in {@code group}, or, without a group, assigned partition 0. */
    private static void assertReadRefused(String user, String password, String topic, String group,
            Class<? extends Exception> refusal) {
        Map<String, Object> config = kafka.clientConfig(user, password);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            if (group != null) {
                consumer.subscribe(List.of(topic));
            } else {
                consumer.assign(List.of(new TopicPartition(topic, 0)));
            }
            Instant deadline = Instant.now().plusSeconds(120);
            assertThatThrownBy(() -> {
                while (Instant.now().isBefore(deadline)) {
                    consumer.poll(Duration.ofMillis(500));
                }
            }).isInstanceOf(refusal);
        }
    }

    private static Map<String, Object> producerConfig(String user, String password) {
        Map<String, Object> config = kafka.clientConfig(user, password);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        return config;
    }

    private static KafkaProducer<String, byte[]> producer(String principal) {
        return new KafkaProducer<>(producerConfig(principal, access.password(principal)), new StringSerializer(),
                new ByteArraySerializer());
    }
}
