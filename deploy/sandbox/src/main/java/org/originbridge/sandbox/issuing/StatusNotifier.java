package org.originbridge.sandbox.issuing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.originbridge.sandbox.dcsa.NotificationSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.ObjectMapper;

/**
 * An issuing authority's status notifications: on every round, each application whose status differs from the one
 * last notified is announced to the authority's configured callback URL as {@code {declarationId, applicationId,
 * status}}, signed the Standard Webhooks way ({@code webhook-id}, {@code webhook-timestamp} in real time,
 * {@code webhook-signature: v1,<HMAC-SHA256>}) with the authority's shared secret. A failed delivery is tried again in
 * the next round (at most {@link #MAX_ATTEMPTS} times per status); the receiver polls as well, so nothing depends on it.
 * The notifications of one round are sent concurrently on the given executor (a real authority's webhook dispatcher
 * does not wait for one receiver's answer before notifying the next application; issue 11: sent one after the other,
 * each waiting for the receiver's status check, they capped how fast ISSUED became visible). One application appears
 * once per round and rounds do not overlap, so each application's notifications stay in order.
 */
public final class StatusNotifier {

    /** One application as the authority sees it now. */
    public record Snapshot(String declarationId, String applicationId, String status) {}

    static final int MAX_ATTEMPTS = 10;

    private static final Logger log = LoggerFactory.getLogger(StatusNotifier.class);

    private final String authority;
    private final URI callbackUrl;
    private final String secret;
    private final Supplier<List<Snapshot>> applications;
    private final RestClient http;
    private final ObjectMapper json;
    private final Clock realTime;
    private final Executor sends;
    private final Map<String, String> notified = new ConcurrentHashMap<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    public StatusNotifier(String authority, URI callbackUrl, String secret, Supplier<List<Snapshot>> applications,
            RestClient http, ObjectMapper json, Clock realTime) {
        this(authority, callbackUrl, secret, applications, http, json, realTime, Runnable::run);
    }

    /** @param sends runs the sends of one round (a bounded pool: concurrently; {@code Runnable::run}: one by one) */
    public StatusNotifier(String authority, URI callbackUrl, String secret, Supplier<List<Snapshot>> applications,
            RestClient http, ObjectMapper json, Clock realTime, Executor sends) {
        this.sends = sends;
        this.authority = authority;
        this.callbackUrl = callbackUrl;
        this.secret = secret;
        this.applications = applications;
        this.http = http;
        this.json = json;
        this.realTime = realTime;
    }

    /** One round, its sends concurrent on the executor; returns the notifications delivered once all are answered. */
    public int deliverChanges() {
        AtomicInteger delivered = new AtomicInteger();
        List<CompletableFuture<Void>> running = new java.util.ArrayList<>();
        for (Snapshot s : applications.get()) {
            if (s.status().equals(notified.get(s.applicationId()))) {
                continue;
            }
            String key = s.applicationId() + '\n' + s.status();
            int attempt = attempts.merge(key, 1, Integer::sum);
            if (attempt > MAX_ATTEMPTS) {
                continue;
            }
            running.add(CompletableFuture.runAsync(() -> {
                if (send(s)) {
                    notified.put(s.applicationId(), s.status());
                    attempts.remove(key);
                    delivered.incrementAndGet();
                }
            }, sends));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        return delivered.get();
    }

    private boolean send(Snapshot s) {
        byte[] body = json.writeValueAsString(Map.of("declarationId", s.declarationId(), "applicationId", s.applicationId(),
                "status", s.status(), "issuingAuthority", authority)).getBytes(StandardCharsets.UTF_8);
        String id = "msg_" + UUID.randomUUID();
        long timestamp = realTime.instant().getEpochSecond();
        try {
            http.post().uri(callbackUrl)
                    .header(NotificationSignature.ID_HEADER, id)
                    .header(NotificationSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(NotificationSignature.SIGNATURE_HEADER, NotificationSignature.sign(secret, id, timestamp, body))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve().toBodilessEntity();
            return true;
        } catch (RuntimeException e) {
            log.warn("{} status notification for {} to {} failed: {}", authority, s.applicationId(), callbackUrl, e.getMessage());
            return false;
        }
    }
}
