package org.originbridge.intake.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.originbridge.intake.Declarations.certificateOfOrigin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.originbridge.intake.Declarations;
import org.originbridge.origin.declaration.Declaration;
import org.originbridge.intake.domain.SubmissionChannel;
import org.originbridge.intake.domain.SubmissionNotAcknowledged;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/** The HTTP contract, with the broker replaced by a mock submission channel (no Kafka needed). */
@SpringBootTest(properties = {
        "originbridge.intake.status-base-url=https://status.example.test/",
        "spring.kafka.listener.auto-startup=false",
        "spring.kafka.admin.auto-create=false"})
@AutoConfigureMockMvc
class DeclarationHttpTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SubmissionChannel channel;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestIssuer.registerProperties(registry);
        EmbeddedMongo.registerProperties(registry, "intake-http-test");
    }

    /** The exporter the builder's declarations belong to. */
    private static String token() {
        return TestIssuer.bearer(TestIssuer.shared().exporter("SUP-SZ-POWERTECH"));
    }

    @Test
    void aReadableDeclarationIsPublishedAndAnswered202WithWhereToFollowIt() throws Exception {
        Declaration declaration = certificateOfOrigin().id("DECL-HTTP-1").build();

        mvc.perform(post("/api/v1/declarations").header("Authorization", token())
                        .contentType(MediaType.APPLICATION_JSON).content(Declarations.json(declaration)))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "https://status.example.test/api/v1/declarations/DECL-HTTP-1"))
                .andExpect(jsonPath("$.declarationId").value("DECL-HTTP-1"))
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.statusUrl").value("https://status.example.test/api/v1/declarations/DECL-HTTP-1"));

        ArgumentCaptor<Declaration> published = ArgumentCaptor.forClass(Declaration.class);
        verify(channel).submit(published.capture());
        assertThat(published.getValue().declarationId()).isEqualTo("DECL-HTTP-1");
        assertThat(published.getValue().submittedAt()).isNotNull();
        assertThat(published.getValue().withSubmittedAt(null)).isEqualTo(declaration);
    }

    @Test
    void withoutADeclarationIdOneIsGenerated() throws Exception {
        Map<String, Object> body = Declarations.jsonTree(certificateOfOrigin().build());
        body.remove("declarationId");

        mvc.perform(post("/api/v1/declarations").header("Authorization", token())
                        .contentType(MediaType.APPLICATION_JSON).content(JsonMapper.builder().build().writeValueAsString(body)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.declarationId").value(Matchers.matchesPattern("[0-9a-f-]{36}")))
                .andExpect(header().string("Location", Matchers.startsWith("https://status.example.test/api/v1/declarations/")));
    }

    @Test
    void unreadableInputIs400ProblemJsonListingEveryBadField() throws Exception {
        Map<String, Object> body = Declarations.jsonTree(certificateOfOrigin().build());
        body.remove("supplierId");
        body.put("issueDate", "2026-13-01");
        body.put("goods", "none");

        mvc.perform(post("/api/v1/declarations").header("Authorization", token())
                        .contentType(MediaType.APPLICATION_JSON).content(JsonMapper.builder().build().writeValueAsString(body)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("supplierId", "issueDate", "goods")))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        verify(channel, never()).submit(any());
    }

    @Test
    void textThatIsNotJsonIs400() throws Exception {
        mvc.perform(post("/api/v1/declarations").header("Authorization", token())
                        .contentType(MediaType.APPLICATION_JSON).content("declarationId=1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("$"));
    }

    @Test
    void withoutAValidTokenTheRequestIsRefused401() throws Exception {
        String body = Declarations.json(certificateOfOrigin().build());

        mvc.perform(post("/api/v1/declarations").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/declarations").header("Authorization", "Bearer wrong").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/origin-determinations").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
        verify(channel, never()).submit(any());
    }

    @Test
    void aSubmissionTheBrokerDidNotAcknowledgeIs503() throws Exception {
        doThrow(new SubmissionNotAcknowledged("the broker did not acknowledge", null)).when(channel).submit(any());

        mvc.perform(post("/api/v1/declarations").header("Authorization", token())
                        .contentType(MediaType.APPLICATION_JSON).content(Declarations.json(certificateOfOrigin().build())))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anOriginDeterminationAnswersTheCoreResult() throws Exception {
        String request = """
                {"hsCode": "850440", "fobValue": "100.00", "currency": "USD", "rule": "CTH or RVC40",
                 "materials": [{"id": "GAN", "hsCode": "854129", "value": 30.00, "origin": "NON_ORIGINATING"}]}
                """;

        mvc.perform(post("/api/v1/origin-determinations").header("Authorization", token())
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.originating").value(true))
                .andExpect(jsonPath("$.ruleApplied").value("CTH or RVC40"))
                .andExpect(jsonPath("$.rvc.percent").value("70.00"))
                .andExpect(jsonPath("$.alternatives[*].rule", Matchers.contains("CTH", "RVC40")))
                .andExpect(jsonPath("$.status").value("ORIGINATING"))
                .andExpect(jsonPath("$.articlesApplied[*].article", Matchers.hasItems("3.2(c)", "Annex 3A headnote 4")));
    }

    @Test
    void anInvalidOriginDeterminationRequestIs400ListingTheBadFields() throws Exception {
        String request = """
                {"hsCode": "85044", "fobValue": "-1", "materials": [{"hsCode": "ABC", "value": "x"}]}
                """;

        mvc.perform(post("/api/v1/origin-determinations").header("Authorization", token())
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItems("hsCode", "fobValue")))
                .andExpect(jsonPath("$.errors.length()", Matchers.greaterThanOrEqualTo(4)));
    }
}
