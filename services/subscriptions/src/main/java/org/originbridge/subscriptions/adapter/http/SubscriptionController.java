package org.originbridge.subscriptions.adapter.http;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.originbridge.platform.security.Caller;
import org.originbridge.subscriptions.domain.Delivery;
import org.originbridge.subscriptions.domain.EventType;
import org.originbridge.subscriptions.domain.ManageSubscriptions;
import org.originbridge.subscriptions.domain.Subscription;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The subscription API: a client manages its own webhook subscriptions (another client's are 404).
 * The secret is in the creation response only.
 */
@RestController
@RequestMapping("/api/v1/subscriptions")
public class SubscriptionController {

    /** The request body of POST. */
    public record NewSubscription(String url, List<String> types) {
    }

    /** A subscription as listed (never with its secret). */
    public record SubscriptionView(String id, String url, List<String> types, Instant createdAt) {
        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.id(), s.url().toString(),
                    s.types().stream().map(EventType::wireName).sorted().toList(), s.createdAt());
        }
    }

    /** The creation response: the only time the secret is shown. */
    public record CreatedSubscription(String id, String url, List<String> types, Instant createdAt, String secret) {
    }

    /** The optional body of a secret rotation: how long the current secret keeps signing (seconds; 0 = drop it now). */
    public record RotateSecret(Long graceSeconds) {
    }

    /** A rotation's response: the only time the new secret is shown; the previous one signs until {@code previousSecretExpiresAt} (null: dropped). */
    public record RotatedSecret(String id, String secret, Instant previousSecretExpiresAt) {
    }

    /** A delivery on the dead-letter list. */
    public record DeadLetter(String deliveryId, String eventId, String key, int attempts, String lastError) {
        static DeadLetter of(Delivery d) {
            return new DeadLetter(d.id(), d.eventId(), d.key(), d.attempts(), d.lastError());
        }
    }

    private final ManageSubscriptions manage;

    public SubscriptionController(ManageSubscriptions manage) {
        this.manage = manage;
    }

    @PostMapping
    public ResponseEntity<CreatedSubscription> create(@RequestBody NewSubscription body, Caller caller) {
        if (body == null) {
            throw new ManageSubscriptions.Invalid("body: required");
        }
        Subscription s = manage.create(caller.clientId(), Viewers.of(caller), body.url(), body.types());
        SubscriptionView v = SubscriptionView.of(s);
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + s.id()))
                .body(new CreatedSubscription(v.id(), v.url(), v.types(), v.createdAt(), s.secret()));
    }

    @GetMapping
    public Map<String, List<SubscriptionView>> list(Caller caller) {
        return Map.of("items", manage.list(caller.clientId()).stream().map(SubscriptionView::of).toList());
    }

    @GetMapping("/{id}")
    public SubscriptionView get(@PathVariable String id, Caller caller) {
        return manage.get(caller.clientId(), Pages.id(id)).map(SubscriptionView::of).orElseThrow(SubscriptionController::notFound);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id, Caller caller) {
        if (!manage.delete(caller.clientId(), Pages.id(id))) {
            throw notFound();
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * A new secret, shown once; during the grace period deliveries carry a signature with each secret
     * ({@code webhook-signature: v1,<new> v1,<previous>}), then the previous one is dropped.
     */
    @PostMapping("/{id}/secret:rotate")
    public RotatedSecret rotateSecret(@PathVariable String id, @RequestBody(required = false) RotateSecret body,
                                      Caller caller) {
        Subscription s = manage.rotateSecret(caller.clientId(), Pages.id(id), body == null ? null : body.graceSeconds())
                .orElseThrow(SubscriptionController::notFound);
        return new RotatedSecret(s.id(), s.secret(), s.previousSecretUntil());
    }

    @GetMapping("/{id}/dead-letters")
    public Map<String, List<DeadLetter>> deadLetters(@PathVariable String id, Caller caller) {
        return Map.of("items", manage.deadLetters(caller.clientId(), Pages.id(id), Pages.MAX_LIMIT)
                .orElseThrow(SubscriptionController::notFound).stream().map(DeadLetter::of).toList());
    }

    @PostMapping("/{id}/dead-letters/replay")
    public Map<String, Long> replayDeadLetters(@PathVariable String id, Caller caller) {
        return Map.of("replayed", manage.replayDeadLetters(caller.clientId(), Pages.id(id))
                .orElseThrow(SubscriptionController::notFound));
    }

    /** Queues again what was recorded since {@code since} (ISO-8601 instant). */
    @PostMapping("/{id}/replay")
    public Map<String, Integer> replay(@PathVariable String id, @RequestParam String since, Caller caller) {
        Instant from;
        try {
            from = Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "since: an ISO-8601 instant, e.g. 2026-11-30T00:00:00Z");
        }
        return Map.of("queued", manage.replaySince(caller.clientId(), Pages.id(id), from)
                .orElseThrow(SubscriptionController::notFound));
    }

    @ExceptionHandler(ManageSubscriptions.Invalid.class)
    ResponseEntity<org.springframework.http.ProblemDetail> invalid(ManageSubscriptions.Invalid e) {
        org.springframework.http.ProblemDetail problem = org.springframework.http.ProblemDetail
                .forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(ManageSubscriptions.Conflict.class)
    ResponseEntity<org.springframework.http.ProblemDetail> conflict(ManageSubscriptions.Conflict e) {
        org.springframework.http.ProblemDetail problem = org.springframework.http.ProblemDetail
                .forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
