package org.originbridge.asw.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.ExpectedCount.times;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.jsonPath;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.originbridge.asw.TestDeclarations;
import org.originbridge.asw.domain.AswGateway;
import org.originbridge.asw.domain.AswRequest;
import org.originbridge.asw.domain.Check;
import org.originbridge.platform.resilience.ExternalCall;
import org.originbridge.platform.resilience.ExternalCallSettings;
import org.originbridge.platform.resilience.TransientExternalFailure;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

class RestClientAswGatewayTest {

    static final String URL = "http://asw.test/asw/nsw/MY/v1/verifications";
    static final String VERIFIED = """
            {"aswReference":"ASW-MY-ABC","outcome":"VERIFIED","verifiedAt":"2026-11-22T08:00:00Z",
             "checks":{"documentIntegrity":{"status":"VALID","reason":"hash registered"},
                       "issuanceStatus":{"status":"VALID","reason":"issued"},
                       "issuerIdentity":{"status":"VALID","reason":"CN is a Party"}}}
            """;

    MockRestServiceServer server;
    RetryAfterGate gate;
    final java.util.List<Duration> slept = new java.util.concurrent.CopyOnWriteArrayList<>();
    final java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), java.time.ZoneOffset.UTC);
    RestClientAswGateway gateway;
    final AswRequest request = new AswRequest("DECL-1", "CO-1", "CERTIFICATE_OF_ORIGIN", "CN", "MY", "Shenzhen Widgets Co.",
            List.of("850440"), TestDeclarations.ISSUE_DATE, "ab".repeat(32), "CCPIT-RCEP-2026-00000001", "CN-CCPIT", "cd".repeat(32));

    @BeforeEach
    void setUp() {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://asw.test/asw/nsw/MY").defaultHeader("Authorization", "Bearer t");
        server = MockRestServiceServer.bindTo(builder).build();
        ExternalCall call = new ExternalCall("asw",
                new ExternalCallSettings(3, Duration.ofMillis(1), Duration.ofMillis(2), 50f, 20, Duration.ofSeconds(1)),
                new SimpleMeterRegistry());
        gate = new RetryAfterGate(clock, Duration.ofSeconds(30), slept::add);
        gateway = new RestClientAswGateway(java.util.Map.of("ASW-MY", new RestClientAswGateway.Channel(builder.build(), gate)), call,
                JsonMapper.builder().build());
    }

    @Test
    void sendsTheContractsRequestAndMapsTheAnswer() {
        server.expect(requestTo(URL)).andExpect(method(HttpMethod.POST))
                .andExpect(header("Authorization", "Bearer t"))
                .andExpect(jsonPath("$.coReferenceNumber").value("CO-1"))
                .andExpect(jsonPath("$.issueDate").value("2026-11-20"))
                .andExpect(jsonPath("$.hsCodes[0]").value("850440"))
                .andExpect(jsonPath("$.documentHash").value("ab".repeat(32)))
                .andExpect(jsonPath("$.certificateNumber").value("CCPIT-RCEP-2026-00000001"))
                .andExpect(jsonPath("$.issuingAuthority").value("CN-CCPIT"))
                .andExpect(jsonPath("$.certificateDocumentSha256").value("cd".repeat(32)))
                .andExpect(header("Idempotency-Key", "DECL-1:" + "ab".repeat(32)))
                .andRespond(withSuccess(VERIFIED, MediaType.APPLICATION_JSON));

        AswGateway.Answered answered = (AswGateway.Answered) gateway.verify("ASW-MY", request);

        assertThat(answered.answer().verified()).isTrue();
        assertThat(answered.answer().aswReference()).isEqualTo("ASW-MY-ABC");
        assertThat(answered.answer().issuerIdentity()).isEqualTo(new Check(Check.Status.VALID, "CN is a Party"));
        assertThat(answered.answer().verifiedAt()).isEqualTo(Instant.parse("2026-11-22T08:00:00Z"));
        server.verify();
    }

    @Test
    void aTransient503IsRetriedThenSucceeds() {
        server.expect(times(2), requestTo(URL)).andRespond(withStatus(HttpStatus.SERVICE_UNAVAILABLE));
        server.expect(requestTo(URL)).andRespond(withSuccess(VERIFIED, MediaType.APPLICATION_JSON));

        assertThat(gateway.verify("ASW-MY", request)).isInstanceOf(AswGateway.Answered.class);
        server.verify();
    }

    @Test
    void exhaustedRetriesAreThrownForTheContainerToRetry() {
        server.expect(times(3), requestTo(URL)).andRespond(withStatus(HttpStatus.TOO_MANY_REQUESTS));

        assertThatThrownBy(() -> gateway.verify("ASW-MY", request)).isInstanceOf(TransientExternalFailure.class);
        server.verify();
    }

    @Test
    void aPermanent4xxIsARefusalNamingTheBadFields() {
        server.expect(times(1), requestTo(URL)).andRespond(withStatus(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body("""
                        {"title":"Bad Request","status":400,"detail":"invalid request",
                         "errors":[{"field":"exporterName","message":"size must be between 0 and 200"}]}
                        """));

        AswGateway.Refused refused = (AswGateway.Refused) gateway.verify("ASW-MY", request);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.reason()).isEqualTo("invalid request; exporterName: size must be between 0 and 200");
        server.verify();
    }

    @Test
    void aTooManyRequestsWithRetryAfterHoldsTheChannelBackForThatLongThenTheCallGoesThrough() {
        server.expect(requestTo(URL)).andRespond(withStatus(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "2"));
        server.expect(requestTo(URL)).andRespond(withSuccess(VERIFIED, MediaType.APPLICATION_JSON));

        assertThat(gateway.verify("ASW-MY", request)).isInstanceOf(AswGateway.Answered.class);

        // the retry waited for the channel's Retry-After (the fixed clock does not move: the full 2 s)
        assertThat(slept).containsExactly(Duration.ofSeconds(2));
        assertThat(gate.notBefore()).isEqualTo(Instant.parse("2026-11-22T08:00:02Z"));
        server.verify();
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate_anythingElseOrTooLongIsBounded() {
        Instant now = Instant.parse("2026-11-22T08:00:00Z");
        assertThat(RetryAfterGate.parse("3", now)).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryAfterGate.parse("Sun, 22 Nov 2026 08:00:05 GMT", now)).isEqualTo(Duration.ofSeconds(5));
        assertThat(RetryAfterGate.parse("Sun, 22 Nov 2026 07:00:00 GMT", now)).isZero();
        assertThat(RetryAfterGate.parse("-1", now)).isZero();
        assertThat(RetryAfterGate.parse("soon", now)).isZero();
        assertThat(RetryAfterGate.parse("9".repeat(40), now)).isEqualTo(Duration.ofSeconds(86_400));
        assertThat(RetryAfterGate.parse("1".repeat(100), now)).isZero();
        assertThat(RetryAfterGate.parse(null, now)).isZero();
        assertThat(gate.retryAfter("99999")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void revocationsAreReadAfterTheCursor() {
        server.expect(requestTo("http://asw.test/asw/nsw/MY/v1/revocations?after=4")).andExpect(method(HttpMethod.GET))
                .andRespond(withSuccess("""
                        {"revocations":[{"sequence":5,"certificateNumber":"CCPIT-RCEP-2026-00000001","reason":"r",
                          "revokedAt":"2026-11-22T08:00:00Z"},{"sequence":6,"certificateNumber":"","reason":"blank"}],"next":6}
                        """, MediaType.APPLICATION_JSON));

        var page = gateway.revokedAfter("ASW-MY", 4);

        assertThat(page.next()).isEqualTo(6);
        assertThat(page.revoked()).extracting(r -> r.certificateNumber()).containsExactly("CCPIT-RCEP-2026-00000001");
        assertThat(gateway.revokedAfter("JP-CUSTOMS", 0).revoked()).isEmpty();
        assertThat(gateway.channels()).containsExactly("ASW-MY");
        server.verify();
    }

    @Test
    void anAnswerThatBreaksOffWhileBeingReadIsATransientIoFailureNeverAPermanentOne() {
        java.util.function.Supplier<Object> brokenOff = RestClientAswGateway.gated(gate, () -> {
            throw new org.springframework.web.client.RestClientException("Error while extracting response",
                    new org.springframework.http.converter.HttpMessageNotReadableException("JSON parse error: closed",
                            new java.io.IOException("closed"), null));
        });

        assertThatThrownBy(brokenOff::get).isInstanceOf(org.springframework.web.client.ResourceAccessException.class)
                .hasMessageContaining("closed")
                .satisfies(e -> assertThat(org.originbridge.platform.kafka.FailureClassification.isTransient(e)).isTrue());
        java.util.function.Supplier<Object> notIo = RestClientAswGateway.gated(gate, () -> {
            throw new org.springframework.web.client.RestClientException("no converter");
        });
        assertThatThrownBy(notIo::get).isNotInstanceOf(org.springframework.web.client.ResourceAccessException.class);
    }
}
