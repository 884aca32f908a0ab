package org.originbridge.sandbox.vnmoit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.originbridge.sandbox.TestTokens;
import org.originbridge.sandbox.web.SandboxClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The sandbox's issuing authorities: VN-MOIT's contract end to end (form, dossier, approval, certificate document,
 * public lookup) and what it refuses; CCPIT's full Annex 3B application and certificate document.
 */
@SpringBootTest(properties = {
    "sandbox.vn-moit.enterprise-tokens=" + IssuingAuthoritiesMvcTest.VN_EXPORTER + "=" + IssuingAuthoritiesMvcTest.VN_TOKEN
            + "," + IssuingAuthoritiesMvcTest.VN_OTHER + "=" + IssuingAuthoritiesMvcTest.VN_OTHER_TOKEN,
    "sandbox.vn-moit.step=1h",
    "sandbox.ccpit.step=1h",
    "sandbox.ccpit.applicant-tokens=" + TestTokens.EXPORTER_A + "=" + TestTokens.EXPORTER_A_TOKEN,
    "sandbox.latency.min=0ms",
    "sandbox.latency.max=0ms",
})
@AutoConfigureMockMvc
@Import(TestTokens.PinnedClock.class)
class IssuingAuthoritiesMvcTest {

    static final String VN_EXPORTER = "SUP-HCM-FOOTWEAR";
    static final String VN_TOKEN = "test-only-vn-moit-token-footwear";
    static final String VN_OTHER = "SUP-HN-TEXTILE";
    static final String VN_OTHER_TOKEN = "test-only-vn-moit-token-textile";

    @Autowired MockMvc mvc;
    @Autowired SandboxClock clock;

    static String form(String declarationId, String formType, String exporterCountry, String item) {
        return """
                {"formType":"%s","declarationId":"%s","exporterReference":"RCEP-VN-2026-%s",
                 "exporter":{"name":"Saigon Footwear JSC","address":"12 Nguyen Hue, HCMC","country":"%s"},
                 "consignee":{"name":"Osaka Denki K.K.","address":"1-1 Umeda, Osaka","country":"JP"},
                 "importingCountry":"JP",
                 "transport":{"invoiceNumber":"INV-VN-1","invoiceDate":"2026-11-18","departureDate":"2026-11-20",
                   "vesselOrFlight":"MAERSK CAI MEP","voyageNumber":"112N","portOfLoading":"VNCMT","portOfDischarge":"JPOSA"},
                 "goods":[%s],
                 "declarant":{"place":"Ho Chi Minh City","date":"2026-11-19","signatoryName":"Nguyen Van An"}}
                """.formatted(formType, declarationId, declarationId, exporterCountry, item);
    }

    static final String GOOD_ITEM = """
            {"itemNumber":1,"description":"Leather sports shoes","hsCode":"640399","originCriterion":"RVC40",
             "originCountry":"VN","quantity":2400,"quantityUnit":"PR","fobValue":{"amount":38400.00,"currency":"USD"}}""";

    static MockHttpServletRequestBuilder submit(String enterprise, String token, String key, String body) {
        return post("/vn-moit/ecosys/v1/co-applications").header("Authorization", "Bearer " + token)
                .header(VnMoitController.ENTERPRISE_HEADER, enterprise).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String dossierId(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString().replaceAll(".*\"dossierId\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void aVietnameseFormIsReceivedReviewedApprovedWithItsCertificateDocumentAndPublicLookup() throws Exception {
        MvcResult received = mvc.perform(submit(VN_EXPORTER, VN_TOKEN, "VN-D1", form("VN-D1", "RCEP", "VN", GOOD_ITEM)))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andExpect(jsonPath("$.state").value("RECEIVED")).andReturn();
        String id = dossierId(received);
        // the same form again: the same dossier; another body under the key: 409
        mvc.perform(submit(VN_EXPORTER, VN_TOKEN, "VN-D1", form("VN-D1", "RCEP", "VN", GOOD_ITEM)))
                .andExpect(status().isAccepted()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.dossierId").value(id));
        mvc.perform(submit(VN_EXPORTER, VN_TOKEN, "VN-D1", form("VN-D1", "RCEP", "VN",
                GOOD_ITEM.replace("Leather sports shoes", "Canvas shoes")))).andExpect(status().isConflict());
        // no certificate before approval
        mvc.perform(get("/vn-moit/ecosys/v1/co-applications/" + id + "/certificate").header("Authorization", "Bearer " + VN_TOKEN)
                .header(VnMoitController.ENTERPRISE_HEADER, VN_EXPORTER)).andExpect(status().isConflict());

        clock.advance(Duration.ofHours(2));
        MvcResult approved = mvc.perform(get("/vn-moit/ecosys/v1/co-applications/" + id)
                        .header("Authorization", "Bearer " + VN_TOKEN).header(VnMoitController.ENTERPRISE_HEADER, VN_EXPORTER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("APPROVED"))
                .andExpect(jsonPath("$.coNumber").value(startsWith("RCEP-VN-")))
                .andExpect(jsonPath("$.verificationCode").exists())
                .andExpect(jsonPath("$.lookupUrl").value(containsString("/vn-moit/ecosys/v1/public/certificates/")))
                .andReturn();
        String body = approved.getResponse().getContentAsString();
        String coNumber = body.replaceAll(".*\"coNumber\":\"([^\"]+)\".*", "$1");
        String lookupUrl = body.replaceAll(".*\"lookupUrl\":\"([^\"]+)\".*", "$1");

        byte[] first = mvc.perform(get("/vn-moit/ecosys/v1/co-applications/" + id + "/certificate")
                        .header("Authorization", "Bearer " + VN_TOKEN).header(VnMoitController.ENTERPRISE_HEADER, VN_EXPORTER))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("application/xml")))
                .andReturn().getResponse().getContentAsByteArray();
        String xml = new String(first, StandardCharsets.UTF_8);
        assertThat(xml).contains("<IssuingAuthority>VN-MOIT</IssuingAuthority>", "<CertificateNumber>" + coNumber,
                "<Description>Leather sports shoes</Description>", "<HarmonisedTariffCode>640399", "38400.00 USD",
                "<LoadingBaseport>VNCMT");
        byte[] again = mvc.perform(get("/vn-moit/ecosys/v1/co-applications/" + id + "/certificate")
                        .header("Authorization", "Bearer " + VN_TOKEN).header(VnMoitController.ENTERPRISE_HEADER, VN_EXPORTER))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(again).as("the document is the same on every download (stable SHA-256)").isEqualTo(first);

        // the public lookup (no token) answers the lookupUrl
        mvc.perform(get(lookupUrl.replace("http://localhost", ""))).andExpect(status().isOk())
                .andExpect(jsonPath("$.coNumber").value(coNumber)).andExpect(jsonPath("$.state").value("APPROVED"));
        mvc.perform(get("/vn-moit/ecosys/v1/public/certificates/" + coNumber).param("verificationCode", "WRONGCODE1"))
                .andExpect(status().isNotFound());

        // another enterprise does not see the dossier; a revocation shows on the dossier and the lookup
        mvc.perform(get("/vn-moit/ecosys/v1/co-applications/" + id).header("Authorization", "Bearer " + VN_OTHER_TOKEN)
                .header(VnMoitController.ENTERPRISE_HEADER, VN_OTHER)).andExpect(status().isNotFound());
        mvc.perform(post("/vn-moit/ecosys/v1/co-applications/" + id + "/revoke").header("Authorization", "Bearer " + VN_TOKEN)
                        .header(VnMoitController.ENTERPRISE_HEADER, VN_EXPORTER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("REVOKED"));
        mvc.perform(get(lookupUrl.replace("http://localhost", ""))).andExpect(jsonPath("$.state").value("REVOKED"));
    }

    @Test
    void moitRefusesWhatItWouldNotIssue() throws Exception {
        mvc.perform(submit(VN_EXPORTER, VN_TOKEN, "VN-R1", form("VN-R1", "RCEP", "CN", GOOD_ITEM)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("exporter.country")));
        mvc.perform(submit(VN_EXPORTER, VN_TOKEN, "VN-R2", form("VN-R2", "D", "VN", GOOD_ITEM)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("formType")));
        mvc.perform(submit(VN_EXPORTER, VN_TOKEN, "VN-R3", form("VN-R3", "RCEP", "VN",
                        GOOD_ITEM.replace("\"description\":\"Leather sports shoes\",", ""))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("goods[0].description")));
        mvc.perform(submit(VN_EXPORTER, VN_TOKEN, "VN-R4", form("VN-R4", "RCEP", "VN", GOOD_ITEM.replace("640399", "6403"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("goods[0].hsCode")));
        mvc.perform(submit(VN_EXPORTER, VN_TOKEN, "VN-R5", form("VN-R5", "RCEP", "VN",
                        GOOD_ITEM.replace(",\"fobValue\":{\"amount\":38400.00,\"currency\":\"USD\"}", ""))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("goods[0].fobValue")));
        mvc.perform(submit(VN_EXPORTER, VN_TOKEN, "VN-R6", form("VN-R6", "RCEP", "VN", "")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("goods")));
        mvc.perform(submit(VN_EXPORTER, VN_TOKEN, "VN-R7", form("VN-R7", "RCEP", "VN", GOOD_ITEM.replace("2400", "0"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("goods[0].quantity")));
        // Idempotency-Key other than the declarationId
        mvc.perform(submit(VN_EXPORTER, VN_TOKEN, "OTHER", form("VN-R8", "RCEP", "VN", GOOD_ITEM)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }

    @Test
    void moitAcceptsAFormOnlyWithTheEnterprisesOwnToken() throws Exception {
        mvc.perform(submit(VN_EXPORTER, VN_OTHER_TOKEN, "VN-A1", form("VN-A1", "RCEP", "VN", GOOD_ITEM)))
                .andExpect(status().isUnauthorized()).andExpect(header().string("WWW-Authenticate", startsWith("Bearer")));
        mvc.perform(submit("SUP-UNKNOWN", VN_TOKEN, "VN-A1", form("VN-A1", "RCEP", "VN", GOOD_ITEM)))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/vn-moit/ecosys/v1/co-applications").header("Idempotency-Key", "VN-A1")
                        .contentType(MediaType.APPLICATION_JSON).content(form("VN-A1", "RCEP", "VN", GOOD_ITEM)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(VnMoitController.ENTERPRISE_HEADER));
    }

    @Test
    void aDossierToANonPartyOrMarkedRejectIsRefusedAfterReview() throws Exception {
        String id = dossierId(mvc.perform(submit(VN_EXPORTER, VN_TOKEN, "VN-X1",
                form("VN-X1", "RCEP", "VN", GOOD_ITEM).replace("\"importingCountry\":\"JP\"", "\"importingCountry\":\"US\"")))
                .andExpect(status().isAccepted()).andReturn());
        clock.advance(Duration.ofHours(2));
        mvc.perform(get("/vn-moit/ecosys/v1/co-applications/" + id).header("Authorization", "Bearer " + VN_TOKEN)
                        .header(VnMoitController.ENTERPRISE_HEADER, VN_EXPORTER))
                .andExpect(jsonPath("$.state").value("REFUSED"))
                .andExpect(jsonPath("$.refusalReason").value(containsString("not an RCEP Party")))
                .andExpect(jsonPath("$.coNumber").doesNotExist());
    }

    @Test
    void theContractIsServedWithoutAToken() throws Exception {
        mvc.perform(get("/openapi/vn-moit.yaml")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("/vn-moit/ecosys/v1/co-applications")));
    }

    // --- CCPIT: the full Annex 3B application --------------------------------------------------

    static String ccpitFull(String declarationId, String exporterCountry, String item) {
        return """
                {"declarationId":"%s","coReferenceNumber":"RCEP-CN-%s","exporterName":"Shenzhen Widgets Co.",
                 "importingCountry":"MY","hsCodes":["850440"],
                 "exporter":{"name":"Shenzhen Widgets Co.","address":"8 Keji Road, Shenzhen","country":"%s"},
                 "consignee":{"name":"KL Power Sdn Bhd","address":"Port Klang","country":"MY"},
                 "transport":{"invoiceNumber":"INV-CN-1","vesselOrFlight":"COSCO ARIES","portOfLoading":"CNYSA","portOfDischarge":"MYPKG"},
                 "goods":[%s]}
                """.formatted(declarationId, declarationId, exporterCountry, item);
    }

    static final String CN_ITEM = """
            {"itemNumber":1,"description":"Power adapters 65 W","hsCode":"850440","originCriterion":"CTH",
             "originCountry":"CN","quantity":1200,"quantityUnit":"PCE"}""";

    static MockHttpServletRequestBuilder ccpit(String declarationId, String body) {
        return post("/ccpit/v1/applications").header("Authorization", "Bearer " + TestTokens.EXPORTER_A_TOKEN)
                .header("X-Applicant-Id", TestTokens.EXPORTER_A).header("Idempotency-Key", declarationId)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void ccpitChecksTheFullApplicationAndServesTheIssuedCertificateDocument() throws Exception {
        mvc.perform(ccpit("CN-R1", ccpitFull("CN-R1", "VN", CN_ITEM)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("exporter.country")));
        mvc.perform(ccpit("CN-R2", ccpitFull("CN-R2", "CN", CN_ITEM.replace("\"description\":\"Power adapters 65 W\",", ""))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("goods[0].description")));
        mvc.perform(ccpit("CN-R3", ccpitFull("CN-R3", "CN", CN_ITEM.replace("\"850440\"", "\"85044012\""))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("goods[0].hsCode")));
        mvc.perform(ccpit("CN-R4", ccpitFull("CN-R4", "CN", CN_ITEM.replace("CTH", "RVC40"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("goods[0].fobValue")));

        String id = mvc.perform(ccpit("CN-OK", ccpitFull("CN-OK", "CN", CN_ITEM))).andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString().replaceAll(".*\"applicationId\":\"([^\"]+)\".*", "$1");
        mvc.perform(get("/ccpit/v1/applications/" + id + "/certificate").header("Authorization", "Bearer " + TestTokens.EXPORTER_A_TOKEN)
                .header("X-Applicant-Id", TestTokens.EXPORTER_A)).andExpect(status().isConflict());
        clock.advance(Duration.ofHours(2));
        String xml = mvc.perform(get("/ccpit/v1/applications/" + id + "/certificate")
                        .header("Authorization", "Bearer " + TestTokens.EXPORTER_A_TOKEN).header("X-Applicant-Id", TestTokens.EXPORTER_A))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(xml).contains("<IssuingAuthority>CN-CCPIT</IssuingAuthority>", "<Description>Power adapters 65 W</Description>",
                "<Name>KL Power Sdn Bhd</Name>", "<UnloadingBaseport>MYPKG");
        // without the applicant's token: refused like every CCPIT path
        mvc.perform(get("/ccpit/v1/applications/" + id + "/certificate").header("X-Applicant-Id", TestTokens.EXPORTER_A))
                .andExpect(status().isUnauthorized());
    }
}
