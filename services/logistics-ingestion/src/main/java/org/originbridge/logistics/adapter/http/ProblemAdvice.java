package org.originbridge.logistics.adapter.http;

import java.net.URI;

import org.originbridge.logistics.domain.InvalidEventsException;
import org.originbridge.platform.errors.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.KafkaException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** problem+json answers: 400 listing each bad field, 401 for unsigned callbacks, 503 when Kafka is unavailable. */
@RestControllerAdvice
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(InvalidEventsException.class)
    ProblemDetail invalid(InvalidEventsException e) {
        return Problems.typed(Problems.of(HttpStatus.BAD_REQUEST, "Invalid logistics events",
                e.problems().size() + " invalid field(s); nothing was published",
                e.problems()),
                URI.create("https://originbridge.org/problems/invalid-logistics-events"));
    }

    @ExceptionHandler(SignatureRejectedException.class)
    ResponseEntity<ProblemDetail> unsigned(SignatureRejectedException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "HMAC-SHA256 headers=\"webhook-id webhook-timestamp webhook-signature\"")
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "Callback signature rejected", e.getMessage()));
    }

    @ExceptionHandler({KafkaException.class, java.util.concurrent.CompletionException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        log.warn("publishing logistics events failed; the sender is asked to retry", e);
        return Problems.retryAfter(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Logistics events not published",
                "the events could not be published now; retry later (event ids make a retry harmless)"), 5);
    }
}
