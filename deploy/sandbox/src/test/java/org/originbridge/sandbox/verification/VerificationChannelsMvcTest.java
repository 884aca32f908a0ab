package org.originbridge.sandbox.verification;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.originbridge.sandbox.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The destination channels over HTTP: the national single windows of the ASW
 * ({@code /asw/nsw/{memberState}/v1/...}), the partners' customs ({@code /customs/{party}/v1/...}),
 * their revocation feeds, the revocation control, and what each refuses (hostile input included).
 */
@SpringBootTest(properties = {
    "sandbox.asw.client-tokens=" + TestTokens.ASW,
    "sandbox.latency.min=0ms",
    "sandbox.latency.max=0ms",
})
@AutoConfigureMockMvc
@Import(TestTokens.PinnedClock.class)
class VerificationChannelsMvcTest {

    static final String HASH = "0123456789abcdef".repeat(4);

    @Autowired MockMvc mvc;
    @Autowired org.originbridge.sandbox.chaos.ChaosControl chaos;

    static String body(String declarationId, String from, String to, String certificate, String authority) {
        return """
                {"declarationId":"%s","coReferenceNumber":"CO-%s","documentType":"CERTIFICATE_OF_ORIGIN",
                 "exportingCountry":"%s","importingCountry":"%s","exporterName":"Exporter Co.",
                 "hsCodes":["8504.40"],"issueDate":"2026-11-20","documentHash":"%s",
                 "certificateNumber":%s,"issuingAuthority":%s}
                """.formatted(declarationId, declarationId, from, to, HASH, quoted(certificate), quoted(authority));
    }

    static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    static MockHttpServletRequestBuilder verify(String path, String body) {
        return post(path).header("Authorization", "Bearer " + TestTokens.ASW).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void chinaToMalaysiaIsVerifiedByMalaysiasNationalSingleWindow() throws Exception {
        mvc.perform(verify("/asw/nsw/MY/v1/verifications", body("D-MY", "CN", "MY", "CCPIT-RCEP-2026-00000011", "CN-CCPIT")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("VERIFIED"))
                .andExpect(jsonPath("$.aswReference").value(startsWith("ASW-MY-")))
                .andExpect(jsonPath("$.checks.issuanceStatus.reason").value("certificate CCPIT-RCEP-2026-00000011 is issued by CN-CCPIT and not revoked"));
    }

    @Test
    void vietnamToJapanIsVerifiedByJapanCustoms() throws Exception {
        mvc.perform(verify("/customs/JP/v1/verifications", body("D-JP", "VN", "JP", "VN-MOIT-RCEP-2026-000012", "VN-MOIT")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("VERIFIED"))
                .andExpect(jsonPath("$.aswReference").value(startsWith("JP-CUSTOMS-")));
    }

    @Test
    void aWindowOrCustomsChannelRefusesAnotherDestination() throws Exception {
        mvc.perform(verify("/asw/nsw/MY/v1/verifications", body("D-X1", "CN", "TH", "CCPIT-RCEP-2026-00000013", "CN-CCPIT")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("importingCountry"));
        mvc.perform(verify("/customs/KR/v1/verifications", body("D-X2", "CN", "JP", "CCPIT-RCEP-2026-00000014", "CN-CCPIT")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void thereIsNoWindowForAPartnerAndNoCustomsChannelForAMemberStateOrAnOutsider() throws Exception {
        mvc.perform(verify("/asw/nsw/JP/v1/verifications", body("D-X3", "CN", "JP", "CCPIT-RCEP-2026-00000015", "CN-CCPIT")))
                .andExpect(status().isNotFound());
        mvc.perform(verify("/customs/MY/v1/verifications", body("D-X4", "CN", "MY", "CCPIT-RCEP-2026-00000016", "CN-CCPIT")))
                .andExpect(status().isNotFound());
        mvc.perform(verify("/customs/US/v1/verifications", body("D-X5", "CN", "US", "CCPIT-RCEP-2026-00000017", "CN-CCPIT")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aCertificateNumberTheAuthorityNeverIssuedIsNotVerified() throws Exception {
        mvc.perform(verify("/asw/nsw/MY/v1/verifications", body("D-F", "CN", "MY", "MADE-UP-1", "CN-CCPIT")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("NOT_VERIFIED"))
                .andExpect(jsonPath("$.checks.issuanceStatus.status").value("INVALID"));
    }

    @Test
    void withoutATokenTheCustomsChannelIs401() throws Exception {
        mvc.perform(post("/customs/JP/v1/verifications").contentType(MediaType.APPLICATION_JSON)
                        .content(body("D-A", "CN", "JP", "CCPIT-RCEP-2026-00000018", "CN-CCPIT")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"customs\""));
        mvc.perform(get("/customs/JP/v1/revocations")).andExpect(status().isUnauthorized());
    }

    @Test
    void aRevocationAtTheDestinationIsAnsweredNotVerifiedAndListedOnItsFeedOnce() throws Exception {
        String certificate = "CCPIT-RCEP-2026-00000019";
        mvc.perform(post("/sandbox/verification-channels/KR-CUSTOMS/revocations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"certificateNumber\":\"" + certificate + "\",\"reason\":\"origin not confirmed\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sequence").value(1));
        mvc.perform(post("/sandbox/verification-channels/KR-CUSTOMS/revocations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"certificateNumber\":\"" + certificate + "\"}"))
                .andExpect(jsonPath("$.sequence").value(1));

        mvc.perform(get("/customs/KR/v1/revocations?after=0").header("Authorization", "Bearer " + TestTokens.ASW))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revocations.length()").value(1))
                .andExpect(jsonPath("$.revocations[0].certificateNumber").value(certificate))
                .andExpect(jsonPath("$.revocations[0].reason").value("origin not confirmed"))
                .andExpect(jsonPath("$.next").value(1));
        mvc.perform(get("/customs/KR/v1/revocations?after=1").header("Authorization", "Bearer " + TestTokens.ASW))
                .andExpect(jsonPath("$.revocations.length()").value(0))
                .andExpect(jsonPath("$.next").value(1));
        mvc.perform(verify("/customs/KR/v1/verifications", body("D-KR", "CN", "KR", certificate, "CN-CCPIT")))
                .andExpect(jsonPath("$.outcome").value("NOT_VERIFIED"))
                .andExpect(jsonPath("$.checks.issuanceStatus.reason").value("certificate " + certificate + " has been revoked by KR-CUSTOMS"));
    }

    @Test
    void aScriptedFailureCountsVerificationCallsNotTheBackgroundRevocationPolls() throws Exception {
        chaos.failNext(1, 503);
        try {
            mvc.perform(get("/asw/nsw/TH/v1/revocations").header("Authorization", "Bearer " + TestTokens.ASW))
                    .andExpect(status().isOk());
            mvc.perform(verify("/asw/nsw/TH/v1/verifications", body("D-CH", "CN", "TH", "CCPIT-RCEP-2026-00000023", "CN-CCPIT")))
                    .andExpect(status().isServiceUnavailable());
            mvc.perform(verify("/asw/nsw/TH/v1/verifications", body("D-CH", "CN", "TH", "CCPIT-RCEP-2026-00000023", "CN-CCPIT")))
                    .andExpect(status().isOk());
        } finally {
            chaos.failNext(0, 503);
        }
    }

    @Test
    void eachKindOfChannelHasItsOwnPublishedContract() throws Exception {
        mvc.perform(get("/openapi/customs.yaml")).andExpect(status().isOk());
        mvc.perform(get("/openapi/asw.yaml")).andExpect(status().isOk());
    }

    // --- hostile input ----------------------------------------------------------------------

    @Test
    void hostileCertificateFieldsAreRefusedNamingEachField() throws Exception {
        mvc.perform(verify("/asw/nsw/MY/v1/verifications", """
                        {"declarationId":"D-H","coReferenceNumber":"CO-H","documentType":"CERTIFICATE_OF_ORIGIN",
                         "exportingCountry":"CN","importingCountry":"MY","exporterName":"X",
                         "hsCodes":["8504.40"],"issueDate":"2026-11-20","documentHash":"%s",
                         "certificateNumber":"%s","issuingAuthority":"cn-ccpit; DROP","certificateDocumentSha256":"../../etc/passwd"}
                        """.formatted(HASH, "9".repeat(65))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("certificateNumber")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("issuingAuthority")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("certificateDocumentSha256")));
        mvc.perform(verify("/asw/nsw/MY/v1/verifications", body("D-H2", "CN", "MY", "<script>alert(1)</script>", "CN-CCPIT")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("certificateNumber"));
    }

    @Test
    void hostilePathsCursorsAndRevocationsAreRefused() throws Exception {
        mvc.perform(verify("/asw/nsw/%3Cscript%3E/v1/verifications", body("D-H3", "CN", "MY", "CCPIT-RCEP-2026-00000020", "CN-CCPIT")))
                .andExpect(status().is4xxClientError());
        mvc.perform(verify("/asw/nsw/" + "M".repeat(5000) + "/v1/verifications",
                        body("D-H4", "CN", "MY", "CCPIT-RCEP-2026-00000021", "CN-CCPIT")))
                .andExpect(status().is4xxClientError());
        mvc.perform(get("/asw/nsw/MY/v1/revocations?after=-1").header("Authorization", "Bearer " + TestTokens.ASW))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/asw/nsw/MY/v1/revocations?after=not-a-number").header("Authorization", "Bearer " + TestTokens.ASW))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/sandbox/verification-channels/US-CUSTOMS/revocations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"certificateNumber\":\"CCPIT-RCEP-2026-00000022\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/sandbox/verification-channels/ASW-MY/revocations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"certificateNumber\":\"\",\"reason\":\"" + "x".repeat(501) + "\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/sandbox/verification-channels/ASW-MY/revocations").contentType(MediaType.APPLICATION_JSON)
                        .content("[1,2,3]"))
                .andExpect(status().isBadRequest());
    }
}
