package org.originbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.originbridge.platform.Topics;
import org.originbridge.testsupport.ConfluentWire;
import tools.jackson.databind.JsonNode;

/**
 * The whole pipeline, as users see it: a declaration published onto coo-declarations-submitted
 * by a plain Kafka producer in Confluent wire format comes out of status-query accepted,
 * ASW-verified with a signed code, issued by CCPIT (sandbox) and with a supplier score; port
 * events pushed to logistics-ingestion show as milestones; a poison record is dead-lettered
 * and the pipeline keeps going. Subclasses say where Kafka, the registry and MongoDB run.
 */
abstract class PipelineScenario {

    static final Duration PIPELINE = Duration.ofSeconds(90);

    private final Http http = new Http();

    abstract ServiceStack stack();

    abstract KafkaAccess kafka();

    /** The registry's Confluent-compatible API, e.g. http://127.0.0.1:8081/apis/ccompat/v7. */
    abstract String confluentCompatibleUrl();

    @Test
    void aDeclarationFromAPlainProducerIsVerifiedIssuedScoredAndTracked() throws Exception {
        String suffix = suffix();
        String id = "E2E-CO-" + suffix;
        String reference = "RCEP-CN-2026-" + suffix;
        Declarations.Consignment consignment = new Declarations.Consignment("TD" + suffix, "BK" + suffix, "CONT" + suffix);
        publish(Declarations.certificateOfOrigin(id, "SUP-E2E-1", reference, consignment));

        JsonNode verified = awaitView(id, v -> "ACCEPTED".equals(text(v, "/intake/outcome"))
                && "VERIFIED".equals(text(v, "/verification/outcome")));
        String code = text(verified, "/verification/verificationCode");
        assertThat(code).as("signed verification code").isNotBlank();
        // verified after issuance, by the destination's channel: Viet Nam's national single window through the ASW
        assertThat(text(verified, "/verification/aswReference")).startsWith("ASW-VN-");
        assertThat(text(verified, "/intake/preCheck/status")).isNotNull();

        // port events pushed by a carrier, out of order
        Instant departure = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> pushed = http.postJson(stack().url("logistics-ingestion") + "/api/v1/logistics/dcsa-events",
                Dcsa.array(List.of(
                        Dcsa.transport(UUID.randomUUID().toString(), "ARRI", departure.plus(2, ChronoUnit.DAYS), "VNCMT", consignment),
                        Dcsa.equipment(UUID.randomUUID().toString(), "LOAD", departure.minus(3, ChronoUnit.HOURS), "CNYSA", consignment),
                        Dcsa.transport(UUID.randomUUID().toString(), "DEPA", departure, "CNYSA", consignment))),
                Tokens.ISSUER.exporter("SUP-E2E-1"));
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);

        JsonNode done = awaitView(id, v -> "ISSUED".equals(text(v, "/issuance/current/status"))
                && v.at("/supplierScore/score").isNumber()
                && v.at("/milestones").size() == 3);
        assertThat(done.at("/milestones").valueStream().map(m -> m.at("/eventCode").asString()).toList())
                .containsExactly("LOAD", "DEPA", "ARRI");
        assertThat(text(done, "/issuance/current/certificateNumber")).isNotBlank();
        assertThat(done.at("/issuance/history").size()).isGreaterThanOrEqualTo(2);
        assertThat(done.at("/supplierScore/factors").size()).isPositive();
        assertThat(text(done, "/supplierScore/band")).isNotBlank();
        // the consistency report: the certificate as CN-CCPIT issued it (read from its document) and the voyage so far
        JsonNode consistent = awaitView(id, v -> v.at("/consistency/certificateCompared").asBoolean(false));
        assertThat(consistent.at("/consistency/findings").size()).as(consistent.at("/consistency").toString()).isZero();
        assertThat(text(consistent, "/consistency/status")).isEqualTo("CONSISTENT");
        assertThat(text(consistent, "/consistency/loadedAt")).isEqualTo("CNYSA");
        assertThat(text(consistent, "/issuance/current/issuingAuthority")).isEqualTo("CN-CCPIT");
        assertThat(text(consistent, "/issuance/current/documentSha256")).hasSize(64);
        assertThat(text(consistent, "/verification/channel")).isEqualTo("ASW-VN");

        // an importer or customs officer offline (docs/verifying-codes.md): fetch the JWKS, pick the key by kid,
        // verify ES256 with a plain JOSE library fed only the JWKS JSON, then check typ, iss, exp and the claims
        String kid = com.nimbusds.jwt.SignedJWT.parse(code).getHeader().getKeyID();
        String jwksUrl = stack().url("status-query") + "/.well-known/jwks.json";
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> http.getWithoutKey(jwksUrl).body().contains(kid));
        OfflineVerification.Result offline = OfflineVerification.verify(http.getWithoutKey(jwksUrl).body(), code);
        assertThat(offline.claims()).containsEntry("channel", "ASW-VN")
                .containsEntry("certificateNumber", text(done, "/issuance/current/certificateNumber"));
        assertThat(offline.claims()).containsEntry("coReferenceNumber", reference).containsEntry("outcome", "VERIFIED")
                .containsEntry("declarationId", id);
        assertThat(kid).startsWith("asw-verification-");

        // the short code printed next to it, as a person types it
        String shortCode = text(verified, "/verification/shortCode");
        assertThat(shortCode).hasSize(11);
        JsonNode byShortCode = Http.parse(http.getWithoutKey(stack().url("status-query") + "/api/v1/public/verifications/"
                + reference + "?code=" + URLEncoder.encode(shortCode.substring(0, 4).toLowerCase() + " " + shortCode.substring(4),
                StandardCharsets.UTF_8)).body());
        assertThat(text(byShortCode, "/summary/all")).as(byShortCode.toString()).isEqualTo("VALID");

        // the exporter's website: public, no key
        JsonNode report = Http.parse(http.getWithoutKey(stack().url("status-query") + "/api/v1/public/verifications/"
                + reference + "?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)).body());
        assertThat(text(report, "/summary/all")).as(report.toString()).isEqualTo("VALID");
        assertThat(text(report, "/declaration/exporterName")).isEqualTo("Hangzhou West Lake Tea Co., Ltd.");
        assertThat(report.toString()).doesNotContain("Saigon Tea House");

        // tenancy across the pipeline: the exporter reads its own declaration, another exporter as unknown
        String view = stack().url("status-query") + "/api/v1/declarations/" + id;
        assertThat(http.getAs(view, Tokens.ISSUER.exporter("SUP-E2E-1")).statusCode()).isEqualTo(200);
        assertThat(http.getAs(view, Tokens.ISSUER.exporter("SUP-E2E-2")).statusCode()).isEqualTo(404);
        assertThat(http.getAs(stack().url("ccpit-sync") + "/api/v1/declarations/" + id + "/qr",
                Tokens.ISSUER.exporter("SUP-E2E-2")).statusCode()).isEqualTo(404);

        // the importer's retrieval
        HttpResponse<String> eco = http.get(stack().url("status-query") + "/api/v1/importer/declarations/" + id + "/eco");
        assertThat(eco.statusCode()).isEqualTo(200);
        assertThat(text(Http.parse(eco.body()), "/certificateNumber"))
                .isEqualTo(text(done, "/issuance/current/certificateNumber"));

        // dynamic QR: the token published with ISSUED is the one ccpit-sync hands out (signed once), and it verifies
        String publishedToken = text(done, "/issuance/current/qrToken");
        assertThat(publishedToken).as("QR token published with ISSUED").isNotBlank();
        HttpResponse<String> fresh = http.get(stack().url("ccpit-sync") + "/api/v1/declarations/" + id + "/qr");
        assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(200);
        String freshToken = text(Http.parse(fresh.body()), "/token");
        assertThat(freshToken).isEqualTo(publishedToken);
        for (String token : List.of(publishedToken, freshToken)) {
            JsonNode qr = Http.parse(http.getWithoutKey(stack().url("status-query") + "/api/v1/public/qr/" + token).body());
            assertThat(qr.at("/valid").asBoolean()).as(qr.toString()).isTrue();
            assertThat(text(qr, "/certificateNumber")).isEqualTo(text(done, "/issuance/current/certificateNumber"));
        }
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheNextDeclarationStillCompletes() {
        String poisonKey = "POISON-" + suffix();
        kafka().sendRaw(Topics.DECLARATIONS_SUBMITTED, poisonKey, new byte[] {0, 0, 0, 0x7f, 0x7f, 1, 2, 3});
        kafka().awaitRaw(Topics.deadLetter(Topics.DECLARATIONS_SUBMITTED, "declaration-intake"),
                r -> poisonKey.equals(r.key()), PIPELINE);

        String suffix = suffix();
        String id = "E2E-AFTER-POISON-" + suffix;
        publish(Declarations.certificateOfOrigin(id, "SUP-E2E-2", "RCEP-CN-2026-P" + suffix,
                new Declarations.Consignment("TDP" + suffix, "BKP" + suffix, "CONTP" + suffix)));
        JsonNode view = awaitView(id, v -> "ISSUED".equals(text(v, "/issuance/current/status"))
                && "VERIFIED".equals(text(v, "/verification/outcome")));
        assertThat(text(view, "/intake/outcome")).isEqualTo("ACCEPTED");
    }

    @Test
    void aCertificateIssuedWithAnAmendedHsCodeShowsAsADiscrepancyInTheStatusView() {
        String suffix = suffix();
        String id = "E2E-AMENDED-" + suffix;
        // the sandbox authority's documented trigger (docs/sandbox.md): it amends the last item's HS subheading
        publish(Declarations.certificateOfOrigin(id, "SUP-E2E-2", "RCEP-CN-2026-AMEND-HS-" + suffix,
                new Declarations.Consignment("TDA" + suffix, "BKA" + suffix, "CONTA" + suffix)));
        JsonNode view = awaitView(id, v -> "ISSUED".equals(text(v, "/issuance/current/status"))
                && v.at("/consistency/certificateCompared").asBoolean(false));
        assertThat(text(view, "/consistency/status")).as(view.at("/consistency").toString()).isEqualTo("DISCREPANCIES");
        JsonNode finding = view.at("/consistency/findings/0");
        assertThat(text(finding, "/checkId")).isEqualTo("ECO_HS_CODE");
        assertThat(text(finding, "/field")).isEqualTo("goods[1].hsCode");
        assertThat(text(finding, "/declared")).isEqualTo("090220");
        assertThat(text(finding, "/observed")).isEqualTo("090290");
        assertThat(text(finding, "/source")).startsWith("e-CO ").endsWith(" issued by CN-CCPIT");
        assertThat(text(view, "/consistency/publicLine")).startsWith("The HS code of item 1 differs from the issued certificate")
                .doesNotContain("0902");
        // the report is a fact (status-query -> declaration-consistency) that feeds the supplier's score:
        // its cross-source consistency factor counts the discrepancy and names it with its source
        JsonNode scored = awaitView(id, v -> {
            for (JsonNode f : v.at("/supplierScore/factors")) {
                if ("CROSS_SOURCE_CONSISTENCY".equals(text(f, "/code"))) {
                    return String.valueOf(text(f, "/explanation")).contains("goods[1].hsCode (e-CO)");
                }
            }
            return false;
        });
        for (JsonNode f : scored.at("/supplierScore/factors")) {
            if ("CROSS_SOURCE_CONSISTENCY".equals(text(f, "/code"))) {
                assertThat(f.at("/value").asInt()).as(f.toString()).isLessThan(100);
                assertThat(f.at("/weight").asInt()).as(f.toString()).isPositive();
            }
        }
    }

    @Test
    void anIncompleteDeclarationIsRejectedWithEveryProblem() {
        String suffix = suffix();
        String id = "E2E-REJECTED-" + suffix;
        GenericRecord declaration = Declarations.certificateOfOrigin(id, "SUP-E2E-3", "RCEP-CN-2026-R" + suffix,
                new Declarations.Consignment("TDR" + suffix, "BKR" + suffix, "CONTR" + suffix));
        GenericRecord item = (GenericRecord) ((List<?>) declaration.get("goods")).get(0);
        item.put("hsCode", null);
        // a CO may come without certification (the issuing authority returns it); one given must be complete
        ((GenericRecord) declaration.get("certification")).put("officialSealReference", null);
        publish(declaration);
        JsonNode view = awaitView(id, v -> "REJECTED".equals(text(v, "/intake/outcome")));
        assertThat(view.at("/intake/problems").valueStream().map(p -> p.at("/field").asString()).toList())
                .anySatisfy(f -> assertThat(f).contains("hsCode"))
                .anySatisfy(f -> assertThat(f).contains("certification"));
        // a rejected declaration is never accepted, so asw-verification never sees it: up to the end of
        // each topic (read after the rejection is visible) there is no record with its key
        assertThat(kafka().rawUpToEnd(Topics.DECLARATIONS_ACCEPTED, r -> id.equals(r.key())))
                .as("coo-declarations-accepted records of the rejected declaration").isEmpty();
        assertThat(kafka().rawUpToEnd(Topics.ASW_VERIFICATIONS, r -> id.equals(r.key())))
                .as("asw-verifications records of the rejected declaration").isEmpty();
    }

    private void publish(GenericRecord declaration) {
        ConfluentWire wire = new ConfluentWire(confluentCompatibleUrl());
        int schemaId = wire.register(Topics.DECLARATIONS_SUBMITTED, Declarations.SCHEMA);
        kafka().sendRaw(Topics.DECLARATIONS_SUBMITTED, declaration.get("declarationId").toString(),
                wire.encode(schemaId, declaration));
    }

    private JsonNode awaitView(String id, java.util.function.Predicate<JsonNode> done) {
        String url = stack().url("status-query") + "/api/v1/declarations/" + id;
        JsonNode[] last = new JsonNode[1];
        try {
            await(id).atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).until(() -> {
                last[0] = http.json(url);
                return last[0] != null && done.test(last[0]);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("declaration " + id + " did not reach the expected state within " + PIPELINE
                    + "; status-query last answered: " + last[0], e);
        }
        return last[0];
    }

    private static String text(JsonNode node, String pointer) {
        JsonNode value = node.at(pointer);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
