package org.originbridge.ccpit.adapter.http;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.originbridge.ccpit.config.CcpitProperties;
import org.originbridge.ccpit.domain.ApplicantCredentials;
import org.originbridge.ccpit.domain.EcoIssuance;
import org.originbridge.platform.kafka.FailureClassification;
import org.originbridge.platform.signing.WebhookSignature;
import org.originbridge.platform.errors.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/v1/issuing-authorities/{authorityId}/notifications}: an issuing authority pushes "this
 * application changed" (public: no bearer token, rate-limited by the platform; the Standard Webhooks HMAC signature
 * with that authority's shared secret authenticates it). The signature, timestamp and id are checked over the raw
 * bytes before anything reads them; only then is the body {@code {declarationId, ...}} read, and the application is
 * checked at the authority at once ({@link EcoIssuance#refresh}): the status published is what the authority
 * answers to our own authenticated query, never the notification's content. Answers: 202 (checked, or nothing to
 * check), 401 (missing, stale, forged or replayed signature), 404 (an authority without a notification secret),
 * 413 (body over the limit), 400 (a signed body without a declarationId), 503 with {@code Retry-After} when the check
 * cannot be made now: any failure the platform classifies as transient ({@link FailureClassification}: the
 * authority's circuit breaker open, the authority unreachable or failing, MongoDB or the broker unavailable). Nothing
 * is lost then: the notification's id is forgotten, so the authority's retry of the same delivery is accepted (not a
 * replay), and the poller checks the application anyway. Any other failure stays a 500.
 */
@RestController
public class AuthorityNotificationController {

    private static final Logger log = LoggerFactory.getLogger(AuthorityNotificationController.class);

    private final Map<String, WebhookSignature> signatures;
    private final EcoIssuance issuance;
    private final ObjectMapper json;
    private final int maxBytes;
    private final int retryAfterSeconds;

    public AuthorityNotificationController(CcpitProperties properties, EcoIssuance issuance, ObjectMapper json,
            Clock clock) {
        Map<String, WebhookSignature> bySystem = new LinkedHashMap<>();
        ApplicantCredentials.parse(properties.callback().secrets(), "ISSUANCE_CALLBACK_SECRETS").values()
                .forEach((authority, secret) -> bySystem.put(authority,
                        new WebhookSignature(secret, properties.callback().tolerance(), clock)));
        this.signatures = Map.copyOf(bySystem);
        this.issuance = issuance;
        this.json = json;
        this.maxBytes = properties.callback().maxBytes();
        this.retryAfterSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, properties.callback().retryAfter().toSeconds()));
    }

    /** What was done with one notification. */
    public record Accepted(String declarationId, String outcome) {
    }

    @PostMapping("/api/v1/issuing-authorities/{authorityId}/notifications")
    public ResponseEntity<?> notification(@PathVariable String authorityId,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = WebhookSignature.ID_HEADER, required = false) String id,
            @RequestHeader(name = WebhookSignature.TIMESTAMP_HEADER, required = false) String timestamp,
            @RequestHeader(name = WebhookSignature.SIGNATURE_HEADER, required = false) String signature) {
        WebhookSignature verifier = signatures.get(authorityId);
        if (verifier == null) {
            return problem(HttpStatus.NOT_FOUND, "no notifications are accepted from this issuing authority");
        }
        byte[] raw = body == null ? new byte[0] : body;
        if (raw.length > maxBytes) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "notification body exceeds " + maxBytes + " bytes");
        }
        WebhookSignature.Verdict verdict = verifier.verify(id, timestamp, raw, signature);
        if (verdict != WebhookSignature.Verdict.VALID) {
            return problem(HttpStatus.UNAUTHORIZED, verdict.reason());
        }
        String declarationId;
        try {
            JsonNode node = json.readTree(raw);
            JsonNode field = node == null ? null : node.get("declarationId");
            declarationId = field == null || !field.isString() ? null : field.asString();
        } catch (RuntimeException e) {
            declarationId = null;
        }
        if (declarationId == null || declarationId.isBlank() || declarationId.length() > 128) {
            return problem(HttpStatus.BAD_REQUEST, "a notification names the declarationId (the Idempotency-Key of the application)");
        }
        EcoIssuance.Outcome outcome;
        try {
            outcome = issuance.refresh(declarationId, authorityId);
        } catch (RuntimeException e) {
            if (!FailureClassification.isTransient(e)) {
                throw e;
            }
            verifier.forget(id); // not handled: the authority's retry of this very delivery is welcome
            log.warn("Notification from {} not checked now, answered 503: {}", authorityId, e.toString());
            return Problems.retryAfter(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Status check unavailable",
                    "the application cannot be checked at the issuing authority now; send the notification again after "
                            + retryAfterSeconds + " s (the status is also polled)"), retryAfterSeconds);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(declarationId,
                outcome.name().toLowerCase(java.util.Locale.ROOT)));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return Problems.response(Problems.of(status, status.getReasonPhrase(), detail));
    }
}
