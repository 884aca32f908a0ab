package org.originbridge.logistics.adapter.http;

import java.util.List;

import org.originbridge.logistics.domain.IngestNodeEvents;
import org.originbridge.logistics.domain.IngestionMetrics.Channel;
import org.originbridge.platform.signing.WebhookSignature;
import org.originbridge.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inbound logistics events: DCSA JSON pushed by an exporter (scope logistics.write; its tenant goes
 * on the events), DCSA subscription callbacks
 * (public path, HMAC-signed with DCSA_WEBHOOK_SECRET) and EDIFACT COARRI/CODECO interchanges.
 * Each answers 202 with the ids of the events published, 400 problem+json naming every bad field.
 */
@RestController
@RequestMapping("/api/v1/logistics")
public class LogisticsController {

    /** The answer of an accepted ingest. */
    public record Accepted(int accepted, List<String> eventIds) {
        static Accepted of(List<String> ids) {
            return new Accepted(ids.size(), ids);
        }
    }

    private final IngestNodeEvents ingest;
    private final JsonBodies json;
    private final WebhookSignature signature;

    public LogisticsController(IngestNodeEvents ingest, JsonBodies json, WebhookSignature signature) {
        this.ingest = ingest;
        this.json = json;
        this.signature = signature;
    }

    @PostMapping(path = "/dcsa-events", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Accepted dcsaEvents(@RequestBody(required = false) byte[] body, Caller caller) {
        return Accepted.of(ingest.acceptDcsa(Channel.DCSA_API, json.parse(body), tenantOf(caller)));
    }

    /**
     * Verifies the signature, timestamp and id (Standard Webhooks) over the raw bytes before anything reads them; an id
     * counts as delivered only once its events are accepted.
     */
    @PostMapping(path = "/dcsa-callbacks")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Accepted dcsaCallback(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = WebhookSignature.ID_HEADER, required = false) String webhookId,
            @RequestHeader(name = WebhookSignature.TIMESTAMP_HEADER, required = false) String webhookTimestamp,
            @RequestHeader(name = WebhookSignature.SIGNATURE_HEADER, required = false) String webhookSignature) {
        byte[] raw = body == null ? new byte[0] : body;
        WebhookSignature.Verdict verdict = signature.verify(webhookId, webhookTimestamp, raw, webhookSignature);
        if (verdict != WebhookSignature.Verdict.VALID) {
            ingest.refusedUnsigned(Channel.DCSA_CALLBACK);
            throw new SignatureRejectedException(verdict.reason());
        }
        try {
            return Accepted.of(ingest.acceptDcsa(Channel.DCSA_CALLBACK, json.parse(raw), ""));
        } catch (RuntimeException notAccepted) {
            // Only an accepted delivery uses up its id: after a 503 (Kafka unavailable) or a 400 the carrier's retry
            // of the same delivery is handled again, not refused as a replay.
            signature.forget(webhookId);
            throw notAccepted;
        }
    }

    @PostMapping(path = "/edifact", consumes = {MediaType.TEXT_PLAIN_VALUE, "application/edifact"})
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Accepted edifact(@RequestBody(required = false) byte[] body, Caller caller) {
        return Accepted.of(ingest.acceptEdifact(body == null ? new byte[0] : body, tenantOf(caller)));
    }

    /**
     * The pushing exporter's tenant; a token acting for several tenants (a provider) or none
     * (an operator) pushes carrier-level events without one.
     */
    private static String tenantOf(Caller caller) {
        return caller.role() == Caller.Role.EXPORTER && caller.tenants().size() == 1
                ? caller.tenants().iterator().next() : "";
    }
}
