package org.originbridge.asw.adapter.http;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.originbridge.asw.domain.AswAnswer;
import org.originbridge.asw.domain.AswGateway;
import org.originbridge.asw.domain.AswRequest;
import org.originbridge.asw.domain.Check;
import org.originbridge.asw.domain.RevocationFeed;
import org.originbridge.platform.resilience.ExternalCall;
import org.originbridge.platform.resilience.PermanentExternalFailure;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The destinations' verification channels over HTTP, one {@link RestClient} per channel (its own
 * base URL and credentials): {@code POST {channel-base-url}/v1/verifications} through
 * {@link ExternalCall} (bounded retries, circuit breaker, metrics), with header
 * {@code Idempotency-Key: <declarationId>:<documentHash>}. A 4xx other than 408/429 becomes
 * {@link AswGateway.Refused} with the problem's detail and field errors. A 429 or 503 with
 * {@code Retry-After} holds every call to that channel back for that long ({@link RetryAfterGate}).
 * Revoked certificates: {@code GET {channel-base-url}/v1/revocations?after=<sequence>}.
 */
public class RestClientAswGateway implements AswGateway, RevocationFeed {

    static final String OPERATION = "verify";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** One channel: its client (base URL, timeouts, credentials already on it) and its back-pressure gate. */
    public record Channel(RestClient http, RetryAfterGate gate) {
        public Channel(RestClient http, Duration maxRetryAfter, Clock clock) {
            this(http, RetryAfterGate.of(clock, maxRetryAfter));
        }
    }

    private final Map<String, Channel> channels;
    private final ExternalCall call;
    private final ObjectMapper json;

    public RestClientAswGateway(Map<String, Channel> channels, ExternalCall call, ObjectMapper json) {
        this.channels = Map.copyOf(channels);
        this.call = call;
        this.json = json;
    }

    @Override
    public boolean serves(String channel) {
        return channels.containsKey(channel);
    }

    @Override
    public List<String> channels() {
        return channels.keySet().stream().sorted().toList();
    }

    @Override
    public Result verify(String channelId, AswRequest r) {
        Channel channel = channels.get(channelId);
        if (channel == null) {
            throw new IllegalStateException("no channel " + channelId + " configured");
        }
        AswWire.VerificationRequest body = new AswWire.VerificationRequest(r.declarationId(), r.coReferenceNumber(),
                r.documentType(), r.exportingCountry(), r.importingCountry(), r.exporterName(), r.hsCodes(), r.issueDate(),
                r.documentHash(), r.certificateNumber(), r.issuingAuthority(), r.certificateDocumentSha256());
        try {
            AswWire.VerificationResult answer = call.execute(OPERATION, gated(channel.gate(), () -> channel.http().post()
                    .uri("/v1/verifications")
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(IDEMPOTENCY_KEY, r.idempotencyKey())
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .body(body)
                    .retrieve()
                    .body(AswWire.VerificationResult.class)));
            return new Answered(toDomain(answer, channelId));
        } catch (PermanentExternalFailure refused) {
            return new Refused(refused.status(), explain(refused.responseBody()));
        }
    }

    @Override
    public Page revokedAfter(String channelId, long after) {
        Channel channel = channels.get(channelId);
        if (channel == null) {
            return new Page(List.of(), after);
        }
        AswWire.Revocations page = gated(channel.gate(), () -> channel.http().get()
                .uri(u -> u.path("/v1/revocations").queryParam("after", after).build())
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(AswWire.Revocations.class)).get();
        if (page == null || page.revocations() == null) {
            return new Page(List.of(), after);
        }
        return new Page(page.revocations().stream()
                .filter(x -> x.certificateNumber() != null && !x.certificateNumber().isBlank())
                .map(x -> new Revoked(x.sequence(), x.certificateNumber(), x.reason()))
                .toList(), Math.max(after, page.next()));
    }

    /** Waits while the channel asked us to, and lets a 429/503's Retry-After hold the channel back. */
    static <T> Supplier<T> gated(RetryAfterGate gate, Supplier<T> http) {
        return () -> {
            gate.awaitClear();
            try {
                return http.get();
            } catch (RestClientResponseException e) {
                int status = e.getStatusCode().value();
                if (status == 429 || status == 503) {
                    HttpHeaders headers = e.getResponseHeaders();
                    gate.retryAfter(headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER));
                }
                throw e;
            } catch (ResourceAccessException e) {
                throw e;
            } catch (RestClientException e) {
                // the answer broke off while being read (the connection closed, the read timed out):
                // an I/O failure like any other, transient, never a reason to dead-letter the record
                IOException io = ioCause(e);
                if (io != null) {
                    throw new ResourceAccessException("the channel's answer could not be read: " + io.getMessage(), io);
                }
                throw e;
            }
        };
    }

    private static IOException ioCause(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static AswAnswer toDomain(AswWire.VerificationResult a, String channel) {
        if (a == null || a.checks() == null || a.outcome() == null) {
            throw new IllegalStateException(channel + " answered without an outcome or checks");
        }
        return new AswAnswer(a.aswReference(), "VERIFIED".equals(a.outcome()), check(a.checks().documentIntegrity(), channel),
                check(a.checks().issuanceStatus(), channel), check(a.checks().issuerIdentity(), channel), a.verifiedAt());
    }

    private static Check check(AswWire.Check c, String channel) {
        if (c == null || c.status() == null) {
            return Check.skipped("not reported by " + channel);
        }
        Check.Status status;
        try {
            status = Check.Status.valueOf(c.status());
        } catch (IllegalArgumentException unknown) {
            return Check.skipped(channel + " reported an unknown status " + c.status() + (c.reason() == null ? "" : ": " + c.reason()));
        }
        return new Check(status, c.reason());
    }

    /** The problem+json's detail and field errors as one line; the raw body when it is not a problem. */
    String explain(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode problem = json.readTree(body);
            StringBuilder out = new StringBuilder();
            JsonNode detail = problem.get("detail");
            if (detail != null && !detail.isNull()) {
                out.append(detail.asString());
            }
            JsonNode errors = problem.get("errors");
            if (errors != null && errors.isArray()) {
                for (JsonNode e : errors) {
                    out.append(out.isEmpty() ? "" : "; ").append(e.path("field").asString()).append(": ").append(e.path("message").asString());
                }
            }
            return out.isEmpty() ? truncate(body) : out.toString();
        } catch (RuntimeException notJson) {
            return truncate(body);
        }
    }

    private static String truncate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500) + "...";
    }
}
