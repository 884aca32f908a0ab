package org.originbridge.sandbox.auth;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** With SANDBOX_DCSA_TOKENS set, the DCSA feed requires one of them; CCPIT's public lookup stays open. */
@SpringBootTest(properties = {
    "sandbox.dcsa.client-tokens=test-only-dcsa-token",
    "sandbox.latency.min=0ms",
    "sandbox.latency.max=0ms",
})
@AutoConfigureMockMvc
class DcsaTokenMvcTest {

    @Autowired MockMvc mvc;

    @Test
    void theFeedNeedsAConfiguredTokenOnceTokensAreSet() throws Exception {
        mvc.perform(get("/dcsa/v2/events")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"dcsa\""));
        mvc.perform(get("/dcsa/v2/events").header("Authorization", "Bearer wrong")).andExpect(status().isUnauthorized());
        mvc.perform(get("/dcsa/v2/events").header("Authorization", "Bearer test-only-dcsa-token")).andExpect(status().isOk());
    }

    @Test
    void withoutAswOrCcpitTokensEveryCallIsRefused() throws Exception {
        mvc.perform(get("/ccpit/v1/applications/x").header("X-Applicant-Id", "EXP-1").header("Authorization", "Bearer any"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/ccpit/v1/certificates/CCPIT-RCEP-2026-00000001").param("verificationCode", "ABCDEFGH"))
                .andExpect(status().isNotFound());
    }
}
