package org.originbridge.sandbox;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.originbridge.sandbox.chaos.ChaosControl;
import org.originbridge.sandbox.chaos.ChaosSettings;
import org.originbridge.sandbox.web.SandboxClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest(properties = {
    "sandbox.asw.client-tokens=" + TestTokens.ASW,
    "sandbox.ccpit.applicant-tokens=" + TestTokens.EXPORTER_A + "=" + TestTokens.EXPORTER_A_TOKEN + ","
            + TestTokens.EXPORTER_B + "=" + TestTokens.EXPORTER_B_TOKEN,
    "sandbox.latency.min=0ms",
    "sandbox.latency.max=0ms",
    "sandbox.operator-token=" + SandboxMvcTest.OPERATOR,
})
@AutoConfigureMockMvc
@Import(TestTokens.PinnedClock.class)
class SandboxMvcTest {

    static final String HASH = "0123456789abcdef".repeat(4);
    static final String OPERATOR = "test-only-operator-token";

    @Autowired MockMvc mvc;
    @Autowired ChaosControl chaos;
    @Autowired SandboxClock clock;

    @AfterEach
    void calmDown() {
        chaos.apply(new ChaosSettings(Duration.ZERO, Duration.ZERO, 0, 0));
        chaos.failNext(0, 503);
    }

    static String aswBody(String declarationId, String coRef, String importing) {
        return """
                {"declarationId":"%s","coReferenceNumber":"%s","documentType":"CERTIFICATE_OF_ORIGIN",
                 "exportingCountry":"CN","importingCountry":"%s","exporterName":"Shenzhen Widgets Co.",
                 "hsCodes":["8504.40"],"issueDate":"2026-11-20","documentHash":"%s",
                 "certificateNumber":"CCPIT-RCEP-2026-00000001","issuingAuthority":"CN-CCPIT"}
                """.formatted(declarationId, coRef, importing, HASH);
    }

    static MockHttpServletRequestBuilder asw(String body) {
        return post("/asw/v1/verifications").header("Authorization", "Bearer " + TestTokens.ASW)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static String ccpitBody(String declarationId, String coRef) {
        return """
                {"declarationId":"%s","coReferenceNumber":"%s","exporterName":"Shenzhen Widgets Co.",
                 "importingCountry":"MY","hsCodes":["850440"],"fobValue":1200.50}
                """.formatted(declarationId, coRef);
    }

    static MockHttpServletRequestBuilder ccpitSubmit(String applicant, String token, String declarationId, String coRef) {
        return post("/ccpit/v1/applications").header("Authorization", "Bearer " + token).header("X-Applicant-Id", applicant)
                .header("Idempotency-Key", declarationId).contentType(MediaType.APPLICATION_JSON).content(ccpitBody(declarationId, coRef));
    }

    // --- authentication -------------------------------------------------------------------

    @Test
    void aswWithoutOrWithAWrongTokenIs401() throws Exception {
        mvc.perform(post("/asw/v1/verifications").contentType(MediaType.APPLICATION_JSON).content(aswBody("D1", "CO-1", "MY")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/asw/v1/verifications").header("Authorization", "Bearer nope")
                        .contentType(MediaType.APPLICATION_JSON).content(aswBody("D1", "CO-1", "MY")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void ccpitAcceptsOnlyTheApplicantsOwnToken() throws Exception {
        mvc.perform(ccpitSubmit(TestTokens.EXPORTER_A, TestTokens.EXPORTER_B_TOKEN, "D-AUTH", "CO-AUTH"))
                .andExpect(status().isUnauthorized());
        mvc.perform(ccpitSubmit(TestTokens.EXPORTER_A, TestTokens.ASW, "D-AUTH", "CO-AUTH"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/ccpit/v1/applications").header("Authorization", "Bearer " + TestTokens.EXPORTER_A_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON).content(ccpitBody("D-AUTH", "CO-AUTH")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("X-Applicant-Id"));
    }

    @Test
    void openEndpointsNeedNoToken() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/openapi/asw.yaml")).andExpect(status().isOk());
        mvc.perform(get("/openapi/ccpit.yaml")).andExpect(status().isOk());
        mvc.perform(get("/openapi/dcsa.yaml")).andExpect(status().isOk());
    }

    // --- chaos ----------------------------------------------------------------------------

    @Test
    void forcedFailuresAnswerTheAskedStatusWithRetryAfterWhereItApplies() throws Exception {
        mvc.perform(asw(aswBody("D1", "CO-1", "MY")).header("X-Sandbox-Fail", "503"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(asw(aswBody("D1", "CO-1", "MY")).header("X-Sandbox-Fail", "429"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "1"));
        mvc.perform(get("/dcsa/v2/events").header("X-Sandbox-Fail", "500"))
                .andExpect(status().isInternalServerError());
        mvc.perform(get("/dcsa/v2/events").header("X-Sandbox-Fail", "418"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("X-Sandbox-Fail"));
    }

    @Test
    void chaosIsAdjustableAtRunTime() throws Exception {
        mvc.perform(put("/sandbox/chaos").contentType(MediaType.APPLICATION_JSON).content("{\"failureRate\":1.0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.failureRate").value(1.0))
                .andExpect(jsonPath("$.latencyMaxMs").value(0));
        mvc.perform(asw(aswBody("D1", "CO-1", "MY"))).andExpect(status().isServiceUnavailable());

        mvc.perform(put("/sandbox/chaos").contentType(MediaType.APPLICATION_JSON).content("{\"failureRate\":0,\"rateLimitPerSecond\":1}"))
                .andExpect(status().isOk());
        // One request per second: among a quick burst at least one is refused, with Retry-After.
        boolean limited = false;
        for (int i = 0; i < 5 && !limited; i++) {
            var response = mvc.perform(asw(aswBody("D1", "CO-1", "MY"))).andReturn().getResponse();
            if (response.getStatus() == 429) {
                limited = true;
                org.assertj.core.api.Assertions.assertThat(response.getHeader("Retry-After")).isEqualTo("1");
            }
        }
        org.assertj.core.api.Assertions.assertThat(limited).isTrue();

        mvc.perform(put("/sandbox/chaos").contentType(MediaType.APPLICATION_JSON).content("{\"failureRate\":2}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theNextRequestsCanBeScriptedToFailThenRecover() throws Exception {
        mvc.perform(put("/sandbox/chaos").contentType(MediaType.APPLICATION_JSON).content("{\"failNext\":2,\"failNextStatus\":503}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.failNext").value(2));
        mvc.perform(asw(aswBody("D-FN", "CO-FN", "MY"))).andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"));
        mvc.perform(asw(aswBody("D-FN", "CO-FN", "MY"))).andExpect(status().isServiceUnavailable());
        mvc.perform(asw(aswBody("D-FN", "CO-FN", "MY"))).andExpect(status().isOk());
        mvc.perform(put("/sandbox/chaos").contentType(MediaType.APPLICATION_JSON).content("{\"failNext\":1,\"failNextStatus\":418}"))
                .andExpect(status().isBadRequest());
    }

    // --- ASW ------------------------------------------------------------------------------

    @Test
    void aswVerifiesAndExplainsEachCheck() throws Exception {
        mvc.perform(asw(aswBody("D-OK", "CO-OK", "MY")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("VERIFIED"))
                .andExpect(jsonPath("$.aswReference").value(startsWith("ASW-MY-")))
                .andExpect(jsonPath("$.checks.documentIntegrity.status").value("VALID"))
                .andExpect(jsonPath("$.checks.issuanceStatus.status").value("VALID"))
                .andExpect(jsonPath("$.checks.issuerIdentity.status").value("VALID"))
                .andExpect(jsonPath("$.verifiedAt").value(clock.instant().toString()));
        // the ASW serves the ASEAN Member States only: a partner or an outsider as destination is refused
        mvc.perform(asw(aswBody("D-US", "CO-US", "US")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("importingCountry"));
        mvc.perform(asw(aswBody("D-JP", "CO-JP", "JP")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("importingCountry"));
    }

    @Test
    void aswBadRequestNamesEachBadField() throws Exception {
        mvc.perform(asw("""
                        {"declarationId":"D1","coReferenceNumber":"CO-1","documentType":"CERTIFICATE_OF_ORIGIN",
                         "exportingCountry":"China","importingCountry":"MY","exporterName":"X",
                         "hsCodes":["85"],"issueDate":"2026-11-20","documentHash":"abc"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("exportingCountry")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("hsCodes[0]")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("documentHash")));
    }

    // --- call ledger (operator only) -------------------------------------------------------

    @Test
    void theLedgerCountsCallsPerDeclarationAndIdempotencyKeyForTheOperatorOnly() throws Exception {
        mvc.perform(asw(aswBody("D-LEDGER-1", "CO-L1", "MY")).header("Idempotency-Key", "key-1")).andExpect(status().isOk());
        mvc.perform(asw(aswBody("D-LEDGER-1", "CO-L1", "MY")).header("Idempotency-Key", "key-1")).andExpect(status().isOk());
        mvc.perform(asw(aswBody("D-LEDGER-1", "CO-L1", "MY")).header("Idempotency-Key", "key-2")).andExpect(status().isOk());
        // refused before the party's logic: not a call that reached ASW
        mvc.perform(asw(aswBody("D-LEDGER-1", "CO-L1", "MY")).header("X-Sandbox-Fail", "503")).andExpect(status().isServiceUnavailable());
        mvc.perform(ccpitSubmit(TestTokens.EXPORTER_A, TestTokens.EXPORTER_A_TOKEN, "D-LEDGER-2", "CO-L2")).andExpect(status().isAccepted());
        mvc.perform(ccpitSubmit(TestTokens.EXPORTER_A, TestTokens.EXPORTER_A_TOKEN, "D-LEDGER-2", "CO-L2")).andExpect(status().isAccepted());

        mvc.perform(get("/sandbox/ledger")).andExpect(status().isUnauthorized());
        mvc.perform(get("/sandbox/ledger").header("Authorization", "Bearer " + TestTokens.ASW)).andExpect(status().isUnauthorized());
        mvc.perform(get("/sandbox/ledger").header("Authorization", "Bearer " + OPERATOR + "x")).andExpect(status().isUnauthorized());
        mvc.perform(get("/sandbox/ledger").header("Authorization", "Bearer " + OPERATOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asw.D-LEDGER-1.calls").value(3))
                .andExpect(jsonPath("$.asw.D-LEDGER-1.idempotencyKeys.length()").value(2))
                .andExpect(jsonPath("$.ccpit.D-LEDGER-2.calls").value(2))
                .andExpect(jsonPath("$.ccpit.D-LEDGER-2.idempotencyKeys[0]").value("D-LEDGER-2"));
    }

    // --- CCPIT ----------------------------------------------------------------------------

    @Test
    void ccpitIsIdempotentOnTheDeclarationAndProgressesWithTheClock() throws Exception {
        String location = mvc.perform(ccpitSubmit(TestTokens.EXPORTER_A, TestTokens.EXPORTER_A_TOKEN, "D-CC-1", "CO-CC-1"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andReturn().getResponse().getHeader("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(ccpitSubmit(TestTokens.EXPORTER_A, TestTokens.EXPORTER_A_TOKEN, "D-CC-1", "CO-CC-1"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.applicationId").value(id));

        MockHttpServletRequestBuilder read = get("/ccpit/v1/applications/" + id)
                .header("Authorization", "Bearer " + TestTokens.EXPORTER_A_TOKEN).header("X-Applicant-Id", TestTokens.EXPORTER_A);
        mvc.perform(read).andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.serialNumber").exists())
                .andExpect(jsonPath("$.certificateNumber").doesNotExist());
        clock.advance(Duration.ofSeconds(2));
        mvc.perform(read).andExpect(jsonPath("$.status").value("UNDER_REVIEW"));
        clock.advance(Duration.ofSeconds(2));
        mvc.perform(read).andExpect(jsonPath("$.status").value("ISSUED"))
                .andExpect(jsonPath("$.certificateNumber").exists())
                .andExpect(jsonPath("$.verificationCode").exists())
                .andExpect(jsonPath("$.queryUrl").value(startsWith("http://localhost/ccpit/v1/certificates/")));

        mvc.perform(get("/ccpit/v1/applications/" + id)
                        .header("Authorization", "Bearer " + TestTokens.EXPORTER_B_TOKEN).header("X-Applicant-Id", TestTokens.EXPORTER_B))
                .andExpect(status().isNotFound());
        mvc.perform(post("/ccpit/v1/applications/" + id + "/revoke")
                        .header("Authorization", "Bearer " + TestTokens.EXPORTER_A_TOKEN).header("X-Applicant-Id", TestTokens.EXPORTER_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVOKED"));
    }

    @Test
    void ccpitRefusesAKeyThatIsNotTheDeclarationOrIsReusedWithAnotherBody() throws Exception {
        mvc.perform(post("/ccpit/v1/applications").header("Authorization", "Bearer " + TestTokens.EXPORTER_A_TOKEN)
                        .header("X-Applicant-Id", TestTokens.EXPORTER_A).header("Idempotency-Key", "OTHER")
                        .contentType(MediaType.APPLICATION_JSON).content(ccpitBody("D-CC-2", "CO-CC-2")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        mvc.perform(ccpitSubmit(TestTokens.EXPORTER_A, TestTokens.EXPORTER_A_TOKEN, "D-CC-3", "CO-CC-3"))
                .andExpect(status().isAccepted());
        mvc.perform(ccpitSubmit(TestTokens.EXPORTER_A, TestTokens.EXPORTER_A_TOKEN, "D-CC-3", "CO-CC-3-CHANGED"))
                .andExpect(status().isConflict());
    }

    // --- DCSA -----------------------------------------------------------------------------

    @Test
    void dcsaPollsWithTheRealQueryParameterNames() throws Exception {
        mvc.perform(post("/dcsa/v2/sandbox/consignments").contentType(MediaType.APPLICATION_JSON).content("""
                        {"transportDocumentReference":"TRD-MVC","bookingReference":"BKG-MVC","equipmentReferences":["MSKU1234565"],
                         "route":["CNYSA","VNCMT","MYPKG"],"vesselIMO":"9321483","carrierVoyageNumber":"2411W"}
                        """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.plannedEvents").value(10));
        clock.advance(Duration.ofMinutes(5));

        mvc.perform(get("/dcsa/v2/events").param("transportDocumentReference", "TRD-MVC")
                        .param("eventCreatedDateTime:gte", clock.instant().minus(Duration.ofMinutes(5)).plusSeconds(4).toString())
                        .param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].equipmentEventTypeCode").value("GTIN"))
                .andExpect(jsonPath("$[0].transportCall.UNLocationCode").value("CNYSA"))
                .andExpect(jsonPath("$[0].transportCall.vessel.vesselIMONumber").value("9321483"))
                .andExpect(jsonPath("$[0].documentReferences[1].documentReferenceValue").value("TRD-MVC"));
        mvc.perform(get("/dcsa/v2/events").param("eventCreatedDateTime:gte", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("eventCreatedDateTime:gte"));
        mvc.perform(post("/dcsa/v2/event-subscriptions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"callbackUrl\":\"http://example.org/hook\",\"secret\":\"0123456789abcdef\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("callbackUrl"));
    }

    /** Issue 10: the transshipment port's DISC and LOAD are served like any other event; hostile lists are refused. */
    @Test
    void aTransshipmentAtAnIntermediatePortIsServedAndBadTransshipmentPortsAreRefused() throws Exception {
        String body = """
                {"transportDocumentReference":"TRD-TS%s","bookingReference":"BKG-TS","equipmentReferences":["MSKU1234565"],
                 "route":["CNYSA","SGSIN","MYPKG"],"vesselIMO":"9321483","carrierVoyageNumber":"2411W","transshipmentPorts":%s}
                """;
        java.util.Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("[\"CNYSA\"]", "transshipmentPorts");
        refused.put("[\"MYPKG\"]", "transshipmentPorts");
        refused.put("[\"JPOSA\"]", "transshipmentPorts");
        refused.put("[\"SGSIN\",\"SGSIN\"]", "transshipmentPorts");
        refused.put("[\"sgsin\"]", "transshipmentPorts[0]");
        refused.put("[\"SGSIN'; DROP\"]", "transshipmentPorts[0]");
        refused.put("[null]", "transshipmentPorts[0]");
        refused.put("[\"SGAAA\",\"SGAAB\",\"SGAAC\",\"SGAAD\",\"SGAAE\",\"SGAAF\",\"SGAAG\",\"SGAAH\",\"SGSIN\"]",
                "transshipmentPorts"); // more than 8
        int n = 0;
        for (java.util.Map.Entry<String, String> bad : refused.entrySet()) {
            mvc.perform(post("/dcsa/v2/sandbox/consignments").contentType(MediaType.APPLICATION_JSON)
                            .content(body.formatted(n++, bad.getKey())))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(bad.getValue()));
        }

        // 10 events without the transshipment, + DISC and LOAD of the one container at Singapore
        mvc.perform(post("/dcsa/v2/sandbox/consignments").contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted("", "[\"SGSIN\"]")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.plannedEvents").value(12));
        clock.advance(Duration.ofHours(1));
        mvc.perform(get("/dcsa/v2/events").param("transportDocumentReference", "TRD-TS").param("eventType", "EQUIPMENT"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.transportCall.UNLocationCode == 'SGSIN')].equipmentEventTypeCode")
                        .value(org.hamcrest.Matchers.contains("DISC", "LOAD")))
                .andExpect(jsonPath("$[?(@.transportCall.UNLocationCode == 'SGSIN')].equipmentReference")
                        .value(org.hamcrest.Matchers.contains("MSKU1234565", "MSKU1234565")))
                .andExpect(jsonPath("$[?(@.transportCall.UNLocationCode == 'SGSIN')].transportCall.vessel.vesselIMONumber")
                        .value(org.hamcrest.Matchers.contains("9321483", "9321483")));
    }

    @Test
    void aScheduledVoyageAddsPlanAndEstimatesAndItsStepIsBounded() throws Exception {
        String body = """
                {"transportDocumentReference":"TRD-SCHED","bookingReference":"BKG-SCHED","equipmentReferences":["MSKU1234565"],
                 "route":["CNYSA","SGSIN","MYPKG"],"vesselIMO":"9321483","carrierVoyageNumber":"2411W","schedule":true,"stepSeconds":%s}
                """;
        for (String bad : List.of("0", "3601", "\"soon\"")) {
            mvc.perform(post("/dcsa/v2/sandbox/consignments").contentType(MediaType.APPLICATION_JSON).content(body.formatted(bad)))
                    .andExpect(status().isBadRequest());
        }
        // 10 actual events + a plan per transport event (4) + an estimate per arrival (2)
        mvc.perform(post("/dcsa/v2/sandbox/consignments").contentType(MediaType.APPLICATION_JSON).content(body.formatted("15")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.plannedEvents").value(16));
        // the plan is visible at once, before any actual event but the first
        mvc.perform(get("/dcsa/v2/events").param("transportDocumentReference", "TRD-SCHED"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.eventClassifierCode == 'PLN')]", org.hamcrest.Matchers.hasSize(4)));
    }
}
