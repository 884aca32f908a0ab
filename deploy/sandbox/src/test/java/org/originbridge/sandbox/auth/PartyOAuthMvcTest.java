package org.originbridge.sandbox.auth;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** Each party's OAuth2 client-credentials token endpoint, and its tokens on the party's API. */
@SpringBootTest(properties = {
    "sandbox.asw.oauth-clients=originbridge-asw=asw-client-secret-0123456789",
    "sandbox.ccpit.oauth-clients=EXP-A=ccpit-secret-a-0123456789,EXP-B=ccpit-secret-b-0123456789",
    "sandbox.dcsa.oauth-clients=originbridge-dcsa=dcsa-client-secret-0123456789",
    "sandbox.latency.min=0ms",
    "sandbox.latency.max=0ms",
})
@AutoConfigureMockMvc
class PartyOAuthMvcTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;

    @Test
    void anAswClientGetsATokenThatTheAswApiAccepts() throws Exception {
        token("asw", "originbridge-asw", "asw-client-secret-0123456789")
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.token_type").value("Bearer"))
                .andExpect(jsonPath("$.expires_in").value(300));
        String token = tokenValue("asw", "originbridge-asw", "asw-client-secret-0123456789");

        mvc.perform(post("/asw/v1/verifications").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()); // past authentication: the empty body is refused field by field
        mvc.perform(post("/asw/v1/verifications").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenIsOnlyGoodAtThePartyThatIssuedIt() throws Exception {
        String dcsa = tokenValue("dcsa", "originbridge-dcsa", "dcsa-client-secret-0123456789");

        mvc.perform(get("/dcsa/v2/events").header("Authorization", "Bearer " + dcsa)).andExpect(status().isOk());
        mvc.perform(get("/dcsa/v2/events")).andExpect(status().isUnauthorized());
        mvc.perform(post("/asw/v1/verifications").header("Authorization", "Bearer " + dcsa)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aCcpitTokenActsOnlyForItsOwnApplicant() throws Exception {
        String a = tokenValue("ccpit", "EXP-A", "ccpit-secret-a-0123456789");

        mvc.perform(get("/ccpit/v1/applications/nope").header("Authorization", "Bearer " + a).header("X-Applicant-Id", "EXP-A"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/ccpit/v1/applications/nope").header("Authorization", "Bearer " + a).header("X-Applicant-Id", "EXP-B"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void wrongCredentialsAndOtherGrantsGetTheRfcErrors() throws Exception {
        token("asw", "originbridge-asw", "wrong").andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("invalid_client"))
                .andExpect(jsonPath("$.access_token").doesNotExist())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"asw\""));
        token("ccpit", "originbridge-asw", "asw-client-secret-0123456789").andExpect(status().isUnauthorized());
        token("asw", "nobody", "asw-client-secret-0123456789").andExpect(status().isUnauthorized());
        mvc.perform(post("/asw/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("grant_type=client_credentials"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/asw/oauth2/token").header("Authorization", basic("originbridge-asw", "asw-client-secret-0123456789"))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("grant_type=password"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("unsupported_grant_type"));
    }

    @Test
    void chaosLeavesTheTokenEndpointsAlone() throws Exception {
        mvc.perform(post("/asw/oauth2/token").header("Authorization", basic("originbridge-asw", "asw-client-secret-0123456789"))
                        .header("X-Sandbox-Fail", "503")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("grant_type=client_credentials"))
                .andExpect(status().isOk());
        mvc.perform(post("/asw/v1/verifications").header("X-Sandbox-Fail", "503")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isServiceUnavailable());
    }

    private ResultActions token(String party, String clientId, String secret) throws Exception {
        return mvc.perform(post("/" + party + "/oauth2/token").header("Authorization", basic(clientId, secret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("grant_type=client_credentials"));
    }

    private String tokenValue(String party, String clientId, String secret) throws Exception {
        String body = token(party, clientId, secret).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).path("access_token").asString();
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
