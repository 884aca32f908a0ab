package org.originbridge.intake.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.originbridge.intake.Declarations.certificateOfOrigin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.originbridge.intake.Declarations;
import org.originbridge.intake.domain.SubmissionChannel;
import org.springframework.beans.factory.annotation.Autowired;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.TestIssuer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile bodies on {@code POST /api/v1/declarations} (issue 6): each gets a small 413/400 problem+json naming
 * the field, never echoing the value, and nothing is published. Broker replaced by a mock channel.
 */
@SpringBootTest(properties = {
        "spring.kafka.listener.auto-startup=false",
        "spring.kafka.admin.auto-create=false"})
@AutoConfigureMockMvc
class HostileHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SubmissionChannel channel;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestIssuer.registerProperties(registry);
        EmbeddedMongo.registerProperties(registry, "intake-hostile-test");
    }

    /** The one place this class authenticates: the declarations' own exporter's access token. */
    private static MockHttpServletRequestBuilder authorized(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", TestIssuer.bearer(TestIssuer.shared().exporter("SUP-SZ-POWERTECH")));
    }

    private static MockHttpServletRequestBuilder submit(String body) {
        return authorized(post("/api/v1/declarations")).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void aTwelveMegabyteBodyIs413() throws Exception {
        String body = "{\"declarationId\":\"" + "x".repeat(12 * 1024 * 1024) + "\"}";

        MvcResult result = mvc.perform(submit(body))
                .andExpect(status().is(413))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(413))
                .andReturn();

        assertThat(result.getResponse().getContentAsString()).hasSizeLessThan(300);
        verify(channel, never()).submit(any());
    }

    @Test
    void aHugeExponentInAQuantityIs400NamingTheField() throws Exception {
        assertRefused(withFirstItem("quantity", "1e999999999"), "goods[0].quantity", "INVALID_FORMAT", "999999999999");
        assertRefused(withFirstItemRaw("\"quantity\":\"5000.000\"", "\"quantity\":1e999999999"),
                "goods[0].quantity", "LIMIT_EXCEEDED", "999999999");
    }

    @Test
    void threeHundredThousandDigitsAre400WithoutEchoOrParsing() throws Exception {
        String digits = "9".repeat(300_000);
        assertRefused(withFirstItem("quantity", digits), "goods[0].quantity", "LIMIT_EXCEEDED", "99999999999999999999999999999999999999999");
        assertRefused(withFirstItemRaw("\"quantity\":\"5000.000\"", "\"quantity\":" + digits),
                "goods[0].quantity", "LIMIT_EXCEEDED", "99999999999999999999999999999999999999999");
    }

    @Test
    void aRuleNested50000DeepIs400NamingTheField() throws Exception {
        String deep = "(".repeat(50_000) + "CTH" + ")".repeat(50_000);
        Map<String, Object> body = Declarations.jsonTree(certificateOfOrigin()
                .goods(Declarations.item().bom(Declarations.bomMeetingCthAndRvc()).build()).build());
        child(firstItem(body), "billOfMaterials").put("rule", deep);

        assertRefused(JSON.writeValueAsString(body), "goods[0].billOfMaterials.rule", "LIMIT_EXCEEDED", "((((((((((((((((((((((((((((((((((((((((");
    }

    @Test
    void idsWithCrLfAre400() throws Exception {
        Map<String, Object> body = Declarations.jsonTree(certificateOfOrigin().build());
        body.put("declarationId", "D1\r\nX-Injected: yes");
        body.put("supplierId", "{\"$gt\": \"\"}");

        mvc.perform(submit(JSON.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("declarationId", "supplierId")))
                .andExpect(jsonPath("$.errors[*].code", Matchers.everyItem(Matchers.is("INVALID_ID"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("\\r\\n"))));
        verify(channel, never()).submit(any());
    }

    @Test
    void twentyThousandEmptyGoodsItemsAreOneSmall400() throws Exception {
        Map<String, Object> body = Declarations.jsonTree(certificateOfOrigin().build());
        body.put("goods", new ArrayList<>(Collections.nCopies(20_000, Map.of())));

        MvcResult result = mvc.perform(submit(JSON.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("goods"))
                .andExpect(jsonPath("$.errors[0].code").value("LIMIT_EXCEEDED"))
                .andReturn();
        assertThat(result.getResponse().getContentAsString()).hasSizeLessThan(1_000);
    }

    @Test
    void deeplyNestedJsonIs400() throws Exception {
        String body = "{\"exporter\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";

        mvc.perform(submit(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("LIMIT_EXCEEDED"));
    }

    @Test
    void manyUnknownFieldsAreCappedAndHostileNamesAreNotEchoed() throws Exception {
        Map<String, Object> body = Declarations.jsonTree(certificateOfOrigin().build());
        for (int i = 0; i < 200; i++) {
            body.put("$where" + i + "\r\n", "1");
        }

        mvc.perform(submit(JSON.writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(51))
                .andExpect(jsonPath("$.errors[50].code").value("MORE_PROBLEMS"))
                .andExpect(jsonPath("$.errors[0].field").value("'$where0??'"));
    }

    private void assertRefused(String body, String field, String code, String notEchoed) throws Exception {
        MvcResult result = mvc.perform(submit(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem(field)))
                .andExpect(jsonPath("$.errors[*].code", Matchers.hasItem(code)))
                .andReturn();
        assertThat(result.getResponse().getContentAsString()).doesNotContain(notEchoed).hasSizeLessThan(2_000);
        verify(channel, never()).submit(any());
    }

    private static String withFirstItem(String field, String value) {
        Map<String, Object> body = Declarations.jsonTree(certificateOfOrigin().build());
        firstItem(body).put(field, value);
        return JSON.writeValueAsString(body);
    }

    private static String withFirstItemRaw(String find, String replace) {
        String json = Declarations.json(certificateOfOrigin().build());
        assertThat(json).contains(find);
        return json.replace(find, replace);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstItem(Map<String, Object> body) {
        return ((List<Map<String, Object>>) body.get("goods")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String name) {
        return (Map<String, Object>) parent.get(name);
    }
}
