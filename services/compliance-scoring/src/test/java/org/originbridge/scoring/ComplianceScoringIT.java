package org.originbridge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.originbridge.events.asw.VerificationCompleted;
import org.originbridge.events.ccpit.IssuanceStatus;
import org.originbridge.events.ccpit.IssuanceStatusChanged;
import org.originbridge.events.consistency.ConsistencyFinding;
import org.originbridge.events.consistency.ConsistencyStatus;
import org.originbridge.events.consistency.DeclarationConsistencyChecked;
import org.originbridge.events.consistency.FindingSeverity;
import org.originbridge.events.consistency.FindingSource;
import org.originbridge.events.intake.Consignment;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.logistics.LogisticsNodeEvent;
import org.originbridge.events.scoring.ScoreBand;
import org.originbridge.events.scoring.ScoreFactor;
import org.originbridge.events.scoring.SupplierComplianceScore;
import org.originbridge.platform.Topics;
import org.originbridge.testsupport.AvroBuilders;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.RealInfrastructure;
import org.originbridge.testsupport.TestIssuer;
import org.originbridge.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service against a real broker, a real registry and a MongoDB wire server: facts in, scores
 * out, a duplicate emits nothing, bad data goes to the dead-letter topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplianceScoringIT {

    private static final Instant DAY0 = Instant.parse("2026-10-01T00:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry);
        EmbeddedMongo.registerProperties(registry, "compliance-scoring-it");
        TestIssuer.registerProperties(registry);
    }

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;
    /** Actuator listens on its own port (management.server.port), not on the API port. */
    @LocalManagementPort
    int managementPort;

    @Test
    void factsFromEveryTopicBecomeOneExplainedScoreAndADuplicateEmitsNothing() throws Exception {
        String supplier = "SUP-IT-" + UUID.randomUUID();
        String d1 = supplier + "-D1";
        // Given a port event that arrives before its declaration (joined later by booking reference)
        send(Topics.LOGISTICS_NODE_EVENTS, "BK-" + d1, portEvent(supplier + "-E1", "DEPA", "CNSHA", 2, null, "BK-" + d1));
        // When three declarations are accepted, the first verified, its consignment arrives and its e-CO is issued
        send(Topics.DECLARATIONS_ACCEPTED, d1, accepted(supplier, d1, 1));
        send(Topics.DECLARATIONS_ACCEPTED, supplier + "-D2", accepted(supplier, supplier + "-D2", 1));
        send(Topics.DECLARATIONS_ACCEPTED, supplier + "-D3", accepted(supplier, supplier + "-D3", 1));
        send(Topics.ASW_VERIFICATIONS, d1, verification(supplier, d1, 3));
        send(Topics.LOGISTICS_NODE_EVENTS, "TD-" + d1, portEvent(supplier + "-E2", "ARRI", "MYPKG", 6, "TD-" + d1, null));
        send(Topics.ECO_ISSUANCE_STATUS, d1, issued(supplier, d1, 4));

        // Then, once every fact is in (the topics are consumed independently, so intermediate scores
        // come in any order, UNRATED ones included), the score has every factor at 100 with the base
        // weights and is EXCELLENT
        SupplierComplianceScore score = TopicProbe.awaitRecord(Topics.SUPPLIER_COMPLIANCE_SCORES,
                SupplierComplianceScore.class, r -> r.key().equals(supplier) && r.value().getScore() == 100
                        && r.value().getBand() != ScoreBand.UNRATED
                        && r.value().getFactors().stream().filter(f -> f.getWeight() > 0).count() == 5, TIMEOUT).value();
        assertThat(score.getScore()).isEqualTo(100);
        assertThat(score.getBand()).isEqualTo(ScoreBand.EXCELLENT);
        assertThat(score.getFactors()).extracting(ScoreFactor::getCode).containsExactly("INTAKE_ACCEPTANCE",
                "ASW_VERIFICATION", "ECO_ISSUANCE", "DIRECT_CONSIGNMENT", "RECENCY", "CROSS_SOURCE_CONSISTENCY");
        // no consistency report for this supplier: its weight is shared, the others keep their weights before it came
        assertThat(score.getFactors()).extracting(ScoreFactor::getWeight).containsExactly(30, 25, 20, 15, 10, 0);
        assertThat(score.getFactors().get(3).getExplanation()).startsWith("1 consignment with port events: 1 complete");
        assertThat(score.getAsOf()).isEqualTo(DAY0.plus(Duration.ofDays(6)));
        assertThat(score.getValidUntil()).isEqualTo(DAY0.plus(Duration.ofDays(96)));
        assertThat(score.getSource()).isEqualTo("originbridge-compliance-scoring");

        List<SupplierComplianceScore> before = TopicProbe.valuesUpToEnd(Topics.SUPPLIER_COMPLIANCE_SCORES, supplier, SupplierComplianceScore.class);
        // the five topics are consumed by five listener threads, so facts of one supplier are scored concurrently:
        // its versions still reach the compacted topic in order, each once (a version overtaken before its send
        // may be skipped), so the newest record is the latest score
        assertThat(before).extracting(SupplierComplianceScore::getVersion)
                .as("versions strictly increasing").isNotEmpty().isSorted().doesNotHaveDuplicates();
        assertThat(before.get(before.size() - 1)).isEqualTo(score);

        // When the same accepted declaration is delivered again
        double unchanged = unchangedAccepted();
        send(Topics.DECLARATIONS_ACCEPTED, supplier + "-D2", accepted(supplier, supplier + "-D2", 1));
        await().atMost(TIMEOUT).until(() -> unchangedAccepted() > unchanged);

        // Then nothing new was emitted
        assertThat(TopicProbe.valuesUpToEnd(Topics.SUPPLIER_COMPLIANCE_SCORES, supplier, SupplierComplianceScore.class)).isEqualTo(before);

        // And the score is served over HTTP with a scores.read token only
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/suppliers/" + supplier + "/score");
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(uri).header("Authorization", TestIssuer.bearer(TestIssuer.shared().procurement())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"band\":\"EXCELLENT\"", "\"version\":" + score.getVersion(), "\"emitted\":true");
        assertThat(http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).as("MongoDB and Kafka health against the wire server").contains("\"status\":\"UP\"");
    }

    @Test
    void aDiscrepantConsistencyReportLowersTheConsistencyFactorAndItsReplayPublishesNothing() {
        String supplier = "SUP-CONS-" + UUID.randomUUID();
        for (int n = 1; n <= 3; n++) {
            send(Topics.DECLARATIONS_ACCEPTED, supplier + "-D" + n, accepted(supplier, supplier + "-D" + n, 1));
        }
        // Given one declaration consistent with its e-CO and voyage
        send(Topics.DECLARATION_CONSISTENCY, supplier + "-D1", consistency(supplier, supplier + "-D1",
                ConsistencyStatus.CONSISTENT, List.of(), 2));
        // When another's issued e-CO states another HS code (what status-query publishes for the sandbox's AMEND-HS)
        DeclarationConsistencyChecked discrepant = consistency(supplier, supplier + "-D2", ConsistencyStatus.DISCREPANCIES,
                List.of(ConsistencyFinding.newBuilder().setCheckId("ECO_HS_CODE").setField("goods[1].hsCode")
                        .setDeclaredValue("090220").setOtherValue("090290").setSource(FindingSource.E_CO)
                        .setSourceDetail("e-CO CCPIT-1 issued by CN-CCPIT").setSeverity(FindingSeverity.DISCREPANCY)
                        .setText("The HS code of item 1 is 090220 in the declaration, 090290 on the issued e-CO").build()),
                3);
        send(Topics.DECLARATION_CONSISTENCY, supplier + "-D2", discrepant);

        // Then the supplier's score has the consistency factor at 1 of 2 = 50, naming the discrepancy and its source
        SupplierComplianceScore score = TopicProbe.awaitRecord(Topics.SUPPLIER_COMPLIANCE_SCORES,
                SupplierComplianceScore.class, r -> r.key().equals(supplier) && r.value().getFactors().stream()
                        .anyMatch(f -> f.getCode().equals("CROSS_SOURCE_CONSISTENCY") && f.getValue() == 50),
                TIMEOUT).value();
        ScoreFactor factor = score.getFactors().stream().filter(f -> f.getCode().equals("CROSS_SOURCE_CONSISTENCY"))
                .findFirst().orElseThrow();
        assertThat(factor.getWeight()).isPositive();
        assertThat(factor.getExplanation()).startsWith("1 of 2 declarations checked against the issued e-CO")
                .contains("goods[1].hsCode (e-CO) in 1 declaration");
        List<SupplierComplianceScore> before = TopicProbe.valuesUpToEnd(Topics.SUPPLIER_COMPLIANCE_SCORES, supplier,
                SupplierComplianceScore.class);

        // When the same report is delivered again (a redelivery or a replay of the topic)
        double unchanged = unchanged("declaration-consistency");
        send(Topics.DECLARATION_CONSISTENCY, supplier + "-D2", discrepant);
        await().atMost(TIMEOUT).until(() -> unchanged("declaration-consistency") > unchanged);

        // Then nothing new was published
        assertThat(TopicProbe.valuesUpToEnd(Topics.SUPPLIER_COMPLIANCE_SCORES, supplier, SupplierComplianceScore.class))
                .isEqualTo(before);
    }

    @Test
    void aVerificationWithoutSupplierGoesToTheDeadLetterTopic() {
        String declaration = "DLT-" + UUID.randomUUID();
        send(Topics.ASW_VERIFICATIONS, declaration, verification("", declaration, 1));

        ConsumerRecord<String, byte[]> dead = TopicProbe.awaitRawRecord(
                Topics.deadLetter(Topics.ASW_VERIFICATIONS, "compliance-scoring"),
                r -> declaration.equals(r.key()), TIMEOUT);
        assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value()))
                .contains("supplierId: is required");
    }

    // ------------------------------------------------------------------ helpers

    private double unchangedAccepted() {
        return unchanged("declaration-accepted");
    }

    private double unchanged(String event) {
        Counter counter = meters.find("originbridge.scoring.outcomes").tags("event", event,
                "outcome", "unchanged").counter();
        return counter == null ? 0 : counter.count();
    }

    private static DeclarationConsistencyChecked consistency(String supplier, String id, ConsistencyStatus status,
            List<ConsistencyFinding> findings, int day) {
        return DeclarationConsistencyChecked.newBuilder().setDeclarationId(id).setSupplierId(supplier)
                .setTenantId(supplier).setStatus(status).setCertificateCompared(true).setFindings(findings)
                .setDeclarationHash("d-" + id).setIssuanceSequence(3).setReportHash(status + "-" + id)
                .setCheckedAt(day(day)).build();
    }

    private static void send(String topic, String key, Object value) {
        TopicProbe.sendAvro(topic, key, value);
    }

    private static Instant day(int n) {
        return DAY0.plus(Duration.ofDays(n));
    }

    /** The default declaration of test-support's {@link AvroBuilders}, of this supplier, shipped Shanghai -> Port Klang. */
    private static DeclarationSubmitted declaration(String supplier, String id, int day) {
        DeclarationSubmitted d = AvroBuilders.declarationSubmitted(id).build();
        return DeclarationSubmitted.newBuilder(d).setSupplierId(supplier)
                .setConsignment(Consignment.newBuilder(d.getConsignment()).setEquipmentReferences(List.of("MSCU-" + id))
                        .setPortOfLoading("CNSGH").setPortOfDischarge("MYPKG").build())
                .setSubmittedAt(day(day)).build();
    }

    private static DeclarationAccepted accepted(String supplier, String id, int day) {
        return AvroBuilders.declarationAccepted(declaration(supplier, id, day)).setAcceptedAt(day(day)).build();
    }

    private static VerificationCompleted verification(String supplier, String id, int day) {
        return AvroBuilders.verificationCompleted(declaration(supplier, id, day), "VC-" + id).setVerifiedAt(day(day))
                .build();
    }

    private static IssuanceStatusChanged issued(String supplier, String id, int day) {
        return AvroBuilders.issuanceStatusChanged(declaration(supplier, id, day), IssuanceStatus.ISSUED, 3)
                .setPreviousStatus(IssuanceStatus.UNDER_REVIEW).setChangedAt(day(day)).build();
    }

    private static LogisticsNodeEvent portEvent(String eventId, String code, String location, int day,
            String transportDocument, String booking) {
        return AvroBuilders.logisticsNodeEvent(eventId, transportDocument).setEventCode(code)
                .setUnLocationCode(location).setNodeName(null).setEventDateTime(day(day))
                .setEventCreatedDateTime(day(day)).setBookingReference(booking).setReceivedAt(day(day)).build();
    }

}
