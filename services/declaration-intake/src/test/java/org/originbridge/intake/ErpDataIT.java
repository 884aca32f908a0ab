package org.originbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originbridge.intake.Declarations.TODAY;
import static org.originbridge.intake.Declarations.certificateOfOrigin;
import static org.originbridge.intake.Declarations.item;
import static org.originbridge.intake.Declarations.originating;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.originbridge.events.intake.BomFormat;
import org.originbridge.events.intake.BomSubmitted;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.intake.domain.ErpStore;
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

/**
 * The ERP data paths against a real broker, registry and Mongo wire server: a SAP CS12 BOM, supplier declarations,
 * exchange rates and a rule table posted over HTTP decide a declaration's origin through the multi-level roll-up;
 * a BOM on bom-submissions is stored, an unreadable one dead-lettered with its problems.
 */
// a free management port: a local stack on the default ports must not break the test
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class ErpDataIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TENANT = "SUP-SZ-POWERTECH";
    private static final String SAP_PA_100 = String.join("\n",
            "Level\tItem\tComponent number\tObject description\tComp. Qty (BUn)\tBUn\tICt\tPlant\tComm./imp. code no.\tStandard price\tPrice unit\tCrcy",
            ".1\t0010\tIC-7788\tController IC\t1\tPC\tL\tCN01\t85423900\t0.85\t1\tUSD",
            ".1\t0020\tPCB-01\tBare printed circuit board\t1\tPC\tL\tCN01\t85340000\t21.30\t1\tCNY") + "\n";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry);
        TestIssuer.registerProperties(registry);
        EmbeddedMongo.registerProperties(registry, "intake-erp-it");
    }

    @LocalServerPort
    int port;

    @Autowired
    ErpStore store;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void erpDataPostedOverHttpDecidesOriginThroughTheRollUp() throws Exception {
        String exporter = TestIssuer.bearer(TestIssuer.shared().exporter(TENANT));
        String operator = TestIssuer.bearer(TestIssuer.shared().operator());
        // the operator's tables: a rule for 8504 (PA-100's own HS code) and the CNY/USD rate
        assertThat(post("/api/v1/admin/rule-tables?agreement=RCEP&hsEdition=2022", operator,
                "hs_code,rule,provenance\n8504,CTH,\"ErpDataIT table\"\n").statusCode()).isEqualTo(201);
        assertThat(post("/api/v1/admin/exchange-rates", operator, "rate_date,currency,quote_currency,rate\n"
                + TODAY.minusDays(10) + ",USD,CNY,7.1000\n").statusCode()).isEqualTo(201);
        // the exporter's data: PA-100's own BOM as SAP exports it, and a supplier's declaration for XFMR-2
        HttpResponse<String> bom = post("/api/v1/boms?supplierId=" + TENANT + "&material=PA-100&format=sap-cs12&currency=CNY",
                exporter, SAP_PA_100);
        assertThat(bom.statusCode()).as(bom.body()).isEqualTo(201);
        assertThat(bom.body()).contains("\"lines\":2");
        assertThat(post("/api/v1/supplier-declarations?supplierId=" + TENANT, exporter,
                "supplier,material,originating,party,valid_from,valid_to\nV-TH-MAG,XFMR-2,true,TH,"
                        + TODAY.minusDays(30) + "," + TODAY.plusDays(300) + "\n").statusCode()).isEqualTo(201);

        // a declaration whose two heading-8504 materials are of undetermined origin: without the evidence CTH fails
        String id = "IT-ERP-" + UUID.randomUUID();
        Declaration declaration = certificateOfOrigin().id(id).goods(item().criterion("CTH").bom(Declarations.bom("CTH",
                undetermined("PA-100", "850490", "40.00"), undetermined("XFMR-2", "850431", "30.00"),
                originating("PCB", "853400", "10.00"))).build()).build();
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/declarations"))
                .header("Content-Type", "application/json").header("Authorization", exporter)
                .POST(HttpRequest.BodyPublishers.ofString(Declarations.json(declaration))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);

        ConsumerRecord<String, DeclarationAccepted> accepted = TopicProbe.awaitRecord(Topics.DECLARATIONS_ACCEPTED,
                DeclarationAccepted.class, r -> id.equals(r.key()), WAIT);
        List<String> reasons = accepted.value().getOriginPreCheck().getItems().get(0).getReasons();
        assertThat(accepted.value().getOriginPreCheck().getItems().get(0).getOriginating()).isTrue();
        assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("roll-up: material 'PA-100' (HS 850490): "
                + "ORIGINATING, determined from its own bill of materials"));
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("'PCB-01': 21.30 CNY = 3.00 USD", "rate of " + TODAY.minusDays(10)));
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("'XFMR-2': ORIGINATING by supplier's declaration",
                "supplier V-TH-MAG declares originating in TH"));
    }

    @Test
    void uploadsAreTenantAndOperatorScopedAndRefusedWholeWhenBad() throws Exception {
        String exporter = TestIssuer.bearer(TestIssuer.shared().exporter(TENANT));
        assertThat(post("/api/v1/boms?supplierId=SUP-HZ-TEA&material=X", exporter, SAP_PA_100).statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/admin/exchange-rates", exporter, "rate_date,currency,quote_currency,rate\n").statusCode())
                .isEqualTo(403);
        assertThat(post("/api/v1/boms?supplierId=" + TENANT + "&material=X", null, SAP_PA_100).statusCode()).isEqualTo(401);
        HttpResponse<String> bad = post("/api/v1/boms?supplierId=" + TENANT + "&material=X&currency=USD", exporter,
                "material,parent,hs_code,value\nA,,940390,1e999999999\nB,A,9403,1\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("upload line 2, column value", "upload line 3, column hs_code");
    }

    @Test
    void aBomOnTheTopicIsStoredAndAnUnreadableOneIsDeadLettered() {
        String submission = "SUB-" + UUID.randomUUID();
        TopicProbe.sendAvro(Topics.BOM_SUBMISSIONS, TENANT + "|HS-200", new BomSubmitted(submission, TENANT, "HS-200",
                BomFormat.GENERIC_CSV, "USD", "material,hs_code,value,origin_status\nPP-RESIN,390210,0.80,NON_ORIGINATING\n",
                Instant.now()));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(store.latestBomOf(TENANT, "HS-200"))
                .hasValueSatisfying(u -> assertThat(u.uploadId()).isEqualTo(submission)));

        String bad = "SUB-BAD-" + UUID.randomUUID();
        TopicProbe.sendAvro(Topics.BOM_SUBMISSIONS, bad, new BomSubmitted(bad, TENANT, "HS-201", BomFormat.SAP_CS12, "USD",
                "Level\tComponent number\n1\tA\n", Instant.now()));
        ConsumerRecord<String, byte[]> dead = TopicProbe.awaitRawRecord(
                Topics.deadLetter(Topics.BOM_SUBMISSIONS, "declaration-intake"), r -> bad.equals(r.key()), WAIT);
        assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value()))
                .contains("lacks the column(s)");
        assertThat(store.latestBomOf(TENANT, "HS-201")).isEmpty();
    }

    private static Declaration.BomMaterial undetermined(String id, String hs, String value) {
        return new Declaration.BomMaterial(id, "material " + id, hs, new BigDecimal(value), null,
                Declaration.MaterialOrigin.UNDETERMINED, null, null, false);
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
