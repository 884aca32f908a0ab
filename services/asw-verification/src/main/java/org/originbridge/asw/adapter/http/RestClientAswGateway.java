package org.originbridge.asw.adapter.http;

import org.originbridge.asw.domain.AswAnswer;
import org.originbridge.asw.domain.AswGateway;
import org.originbridge.asw.domain.AswRequest;
import org.originbridge.asw.domain.Check;
import org.originbridge.platform.resilience.ExternalCall;
import org.originbridge.platform.resilience.PermanentExternalFailure;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * ASW over HTTP: {@code POST {base-url}/asw/v1/verifications} with the client's bearer token,
 * through {@link ExternalCall} (bounded retries, circuit breaker, metrics), with header
 * {@code Idempotency-Key: <declarationId>:<documentHash>}. A 4xx other than
 * 408/429 becomes {@link AswGateway.Refused} with the problem's detail and field errors.
 */
public class RestClientAswGateway implements AswGateway {

    static final String OPERATION = "verify";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final RestClient http;
    private final ExternalCall call;
    private final ObjectMapper json;

    /** {@code http} already carries the base URL, timeouts and the Authorization header. */
    public RestClientAswGateway(RestClient http, ExternalCall call, ObjectMapper json) {
        this.http = http;
        this.call = call;
        this.json = json;
    }

    @Override
    public Result verify(AswRequest r) {
        AswWire.VerificationRequest body = new AswWire.VerificationRequest(r.declarationId(), r.coReferenceNumber(),
                r.documentType(), r.exportingCountry(), r.importingCountry(), r.exporterName(), r.hsCodes(), r.issueDate(),
                r.documentHash());
        try {
            AswWire.VerificationResult answer = call.execute(OPERATION, () -> http.post()
                    .uri("/asw/v1/verifications")
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(IDEMPOTENCY_KEY, r.idempotencyKey())
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .body(body)
                    .retrieve()
                    .body(AswWire.VerificationResult.class));
            return new Answered(toDomain(answer));
        } catch (PermanentExternalFailure refused) {
            return new Refused(refused.status(), explain(refused.responseBody()));
        }
    }

    private static AswAnswer toDomain(AswWire.VerificationResult a) {
        if (a == null || a.checks() == null || a.outcome() == null) {
            throw new IllegalStateException("ASW answered without an outcome or checks");
        }
        return new AswAnswer(a.aswReference(), "VERIFIED".equals(a.outcome()), check(a.checks().documentIntegrity()),
                check(a.checks().issuanceStatus()), check(a.checks().issuerIdentity()), a.verifiedAt());
    }

    private static Check check(AswWire.Check c) {
        if (c == null || c.status() == null) {
            return Check.skipped("not reported by ASW");
        }
        Check.Status status;
        try {
            status = Check.Status.valueOf(c.status());
        } catch (IllegalArgumentException unknown) {
            return Check.skipped("ASW reported an unknown status " + c.status() + (c.reason() == null ? "" : ": " + c.reason()));
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
