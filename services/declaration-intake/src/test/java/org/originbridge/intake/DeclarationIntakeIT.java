package org.originbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originbridge.intake.Declarations.bomMeetingCthAndRvc;
import static org.originbridge.intake.Declarations.certificateOfOrigin;
import static org.originbridge.intake.Declarations.item;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationRejected;
import org.originbridge.events.intake.FieldProblem;
import org.originbridge.events.intake.PreCheckStatus;
import org.originbridge.intake.adapter.kafka.DeclarationAvroMapper;
import org.originbridge.intake.adapter.metrics.MicrometerIntakeMetrics;
import org.originbridge.origin.declaration.Declaration;
import org.originbridge.platform.Topics;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.RealInfrastructure;
import org.originbridge.testsupport.TestIssuer;
import org.originbridge.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** declaration-intake against a real Kafka broker and a real Apicurio Registry. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // a free management port: a local stack on the default ports must not break the test
        "management.server.port=0",
        "originbridge.intake.status-base-url=http://status.test:8080"})
@org.springframework.context.annotation.Import(DeclarationIntakeIT.CrashBeforePublish.class)
class DeclarationIntakeIT {

    /**
     * Fault hook for the write-then-publish crash (fault suite g): for a declaration id in
     * {@link #CRASH_SUBMIT_ONCE} / {@link #CRASH_VERDICT_ONCE}, the first publish after the ownership claim (a Mongo write) fails, as if
     * the process died there: over HTTP the exporter gets no 202 and sends again; from the topic the
     * offset is not committed and the record comes again.
     */
    static final java.util.Set<String> CRASH_SUBMIT_ONCE = java.util.concurrent.ConcurrentHashMap.newKeySet();
    static final java.util.Set<String> CRASH_VERDICT_ONCE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class CrashBeforePublish {
        @org.springframework.context.annotation.Bean
        static org.springframework.beans.factory.config.BeanPostProcessor crashBeforePublish() {
            return new org.springframework.beans.factory.config.BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof org.originbridge.intake.domain.SubmissionChannel real) {
                        return (org.originbridge.intake.domain.SubmissionChannel) declaration -> {
                            crashOnce(CRASH_SUBMIT_ONCE, declaration.declarationId());
                            real.submit(declaration);
                        };
                    }
                    if (bean instanceof org.originbridge.intake.domain.DeclarationOutcomes real) {
                        return (org.originbridge.intake.domain.DeclarationOutcomes) verdict -> {
                            if (CRASH_VERDICT_ONCE.remove(verdict.declaration().declarationId())) {
                                throw new org.originbridge.platform.errors.RetryLater(
                                        "simulated crash after the ownership claim, before the verdict is published", null);
                            }
                            real.publish(verdict);
                        };
                    }
                    return bean;
                }
            };
        }

        static void crashOnce(java.util.Set<String> ids, String declarationId) {
            if (ids.remove(declarationId)) { // what the channel throws when the broker does not confirm
                throw new org.originbridge.intake.domain.SubmissionNotAcknowledged(
                        "simulated crash after the ownership claim, before the publish", null);
            }
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DLT = Topics.deadLetter(Topics.DECLARATIONS_SUBMITTED, "declaration-intake");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry);
        TestIssuer.registerProperties(registry);
        EmbeddedMongo.registerProperties(registry, "intake-it");
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void aDeclarationPostedOverHttpIsScreenedAndAccepted() throws Exception {
        String id = "IT-HTTP-" + UUID.randomUUID();
        Declaration declaration = certificateOfOrigin().id(id).goods(item().criterion("CTH").bom(bomMeetingCthAndRvc()).build()).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/declarations"))
                .header("Content-Type", "application/json").header("Authorization", TestIssuer.bearer(TestIssuer.shared().exporter(declaration.supplierId())))
                .POST(HttpRequest.BodyPublishers.ofString(Declarations.json(declaration))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location")).hasValue("http://status.test:8080/api/v1/declarations/" + id);
        ConsumerRecord<String, DeclarationAccepted> accepted = TopicProbe.awaitRecord(Topics.DECLARATIONS_ACCEPTED,
                DeclarationAccepted.class, r -> id.equals(r.key()), WAIT);
        assertThat(accepted.value().getSupplierId()).isEqualTo("SUP-SZ-POWERTECH");
        assertThat(accepted.value().getDeclaration().getSubmittedAt()).isNotNull();
        assertThat(accepted.value().getOriginPreCheck().getStatus()).isEqualTo(PreCheckStatus.PERFORMED);
        assertThat(accepted.value().getOriginPreCheck().getItems().get(0).getOriginating()).isTrue();
        assertThat(accepted.value().getOriginPreCheck().getItems().get(0).getRuleApplied()).isEqualTo("CTH or RVC40");
    }

    /** Fault suite (g), both of intake's write-then-publish steps: claim then submit (HTTP), claim then verdict (listener). */
    @Test
    void aCrashBetweenTheOwnershipClaimAndThePublishEndsWithExactlyOnePublication() throws Exception {
        String id = "IT-CRASH-" + UUID.randomUUID();
        Declaration declaration = certificateOfOrigin().id(id).referenceNumber("REF-" + id)
                .goods(item().criterion("CTH").bom(bomMeetingCthAndRvc()).build()).build();
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/declarations"))
                .header("Content-Type", "application/json")
                .header("Authorization", TestIssuer.bearer(TestIssuer.shared().exporter(declaration.supplierId())))
                .POST(HttpRequest.BodyPublishers.ofString(Declarations.json(declaration))).build();

        CRASH_SUBMIT_ONCE.add(id);
        // the claim is written, the submission is not published: no 202, so the exporter sends it again
        assertThat(HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
        assertThat(TopicProbe.rawCountUpToEnd(Topics.DECLARATIONS_SUBMITTED, id)).isZero();
        // the second crash hits the listener: claim re-checked, verdict not published, record redelivered
        CRASH_VERDICT_ONCE.add(id);
        assertThat(HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);

        TopicProbe.awaitRecord(Topics.DECLARATIONS_ACCEPTED, DeclarationAccepted.class, r -> id.equals(r.key()), WAIT);
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> !CRASH_VERDICT_ONCE.contains(id));
        assertThat(TopicProbe.rawCountUpToEnd(Topics.DECLARATIONS_SUBMITTED, id)).isEqualTo(1);
        assertThat(TopicProbe.rawCountUpToEnd(Topics.DECLARATIONS_ACCEPTED, id)).isEqualTo(1);
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheNextRecordIsStillProcessed() {
        String key = "IT-POISON-" + UUID.randomUUID();
        TopicProbe.sendRaw(Topics.DECLARATIONS_SUBMITTED, key, "this is not Avro".getBytes(StandardCharsets.UTF_8));
        // Same key, same partition: it queues behind the poison record.
        TopicProbe.sendAvro(Topics.DECLARATIONS_SUBMITTED, key,
                DeclarationAvroMapper.toEvent(certificateOfOrigin().id(key).submittedAt(Instant.now()).build()));

        ConsumerRecord<String, byte[]> dead = TopicProbe.awaitRawRecord(DLT, r -> key.equals(r.key()), WAIT);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("this is not Avro");
        Header reason = dead.headers().lastHeader("kafka_dlt-exception-message");
        assertThat(reason).isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isNotBlank();

        ConsumerRecord<String, DeclarationAccepted> accepted = TopicProbe.awaitRecord(Topics.DECLARATIONS_ACCEPTED,
                DeclarationAccepted.class, r -> key.equals(r.key()), WAIT);
        assertThat(accepted.value().getOriginPreCheck().getStatus()).isEqualTo(PreCheckStatus.NOT_PERFORMED);
    }

    @Test
    void aTopicRecordReusingAnotherTenantsDeclarationIdIsDeadLetteredAndNeverPublished() {
        String id = "IT-OWNED-" + UUID.randomUUID();
        String reference = "REF-" + UUID.randomUUID();
        // tenant B's declaration comes first and is accepted
        TopicProbe.sendAvro(Topics.DECLARATIONS_SUBMITTED, id, DeclarationAvroMapper.toEvent(certificateOfOrigin().id(id)
                .supplierId("SUP-OWNER-B").referenceNumber(reference).submittedAt(Instant.now()).build()));
        TopicProbe.awaitRecord(Topics.DECLARATIONS_ACCEPTED, DeclarationAccepted.class, r -> id.equals(r.key()), WAIT);

        // tenant A re-uses B's id (an invalid declaration, which would be published as rejected)
        TopicProbe.sendAvro(Topics.DECLARATIONS_SUBMITTED, id, DeclarationAvroMapper.toEvent(certificateOfOrigin().id(id)
                .supplierId("SUP-ATTACKER-A").referenceNumber("REF-A-" + UUID.randomUUID()).destinationCountry("XX")
                .submittedAt(Instant.now()).build()));
        ConsumerRecord<String, byte[]> dead = TopicProbe.awaitRawRecord(DLT, r -> id.equals(r.key()), WAIT);
        assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .contains("declarationId", "another exporter");

        // and A re-using B's reference number under a fresh id is dead-lettered as well
        String otherId = "IT-OWNED-REF-" + UUID.randomUUID();
        TopicProbe.sendAvro(Topics.DECLARATIONS_SUBMITTED, otherId, DeclarationAvroMapper.toEvent(certificateOfOrigin()
                .id(otherId).supplierId("SUP-ATTACKER-A").referenceNumber(reference).submittedAt(Instant.now()).build()));
        ConsumerRecord<String, byte[]> deadRef = TopicProbe.awaitRawRecord(DLT, r -> otherId.equals(r.key()), WAIT);
        assertThat(new String(deadRef.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .contains("referenceNumber");

        // nothing was published under B's id for A: every verdict for the id is B's
        assertThat(TopicProbe.valuesUpToEnd(Topics.DECLARATIONS_REJECTED, id, DeclarationRejected.class)).isEmpty();
        assertThat(TopicProbe.valuesUpToEnd(Topics.DECLARATIONS_ACCEPTED, id, DeclarationAccepted.class))
                .allSatisfy(a -> assertThat(a.getTenantId()).isEqualTo("SUP-OWNER-B"));
    }

    @Test
    void aRecordWithoutDeclarationIdIsDeadLetteredNamingTheField() {
        String key = "IT-NO-ID-" + UUID.randomUUID();
        TopicProbe.sendAvro(Topics.DECLARATIONS_SUBMITTED, key,
                DeclarationAvroMapper.toEvent(certificateOfOrigin().id("").submittedAt(Instant.now()).build()));

        ConsumerRecord<String, byte[]> dead = TopicProbe.awaitRawRecord(DLT, r -> key.equals(r.key()), WAIT);
        assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .contains("declarationId");
        assertThat(meters.get(MicrometerIntakeMetrics.OUTCOMES).tag("outcome", "invalid").tag("source", "kafka")
                .counter().count()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void anInvalidDeclarationIsRejectedListingEveryField() {
        String id = "IT-INVALID-" + UUID.randomUUID();
        Declaration invalid = certificateOfOrigin().id(id)
                .destinationCountry("US")
                .goods(item().hsCode("8504").criterion("RVC40").fob(null, null).build())
                // a CO may come without certification (the issuing authority returns it); one given must be complete
                .certification(new Declaration.IssuingBodyCertification("CCPIT Shenzhen", "Zhang Min", null, null))
                .submittedAt(Instant.now())
                .build();
        TopicProbe.sendAvro(Topics.DECLARATIONS_SUBMITTED, id, DeclarationAvroMapper.toEvent(invalid));

        ConsumerRecord<String, DeclarationRejected> rejected = TopicProbe.awaitRecord(Topics.DECLARATIONS_REJECTED,
                DeclarationRejected.class, r -> id.equals(r.key()), WAIT);
        assertThat(rejected.value().getProblems()).extracting(FieldProblem::getField)
                .contains("destinationCountry", "goods[0].hsCode", "goods[0].fobValue", "certification.officialSealReference");
        assertThat(rejected.value().getDeclaration().getDeclarationId()).isEqualTo(id);
        assertThat(rejected.value().getOriginPreCheck()).isNull();
    }
}
