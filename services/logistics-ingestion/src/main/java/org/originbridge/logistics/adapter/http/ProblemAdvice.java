package org.originbridge.logistics.adapter.http;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.originbridge.logistics.domain.InvalidEventsException;
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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.problems().size() + " invalid field(s); nothing was published");
        problem.setTitle("Invalid logistics events");
        problem.setType(URI.create("https://originbridge.org/problems/invalid-logistics-events"));
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(SignatureRejectedException.class)
    ResponseEntity<ProblemDetail> unsigned(SignatureRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setTitle("Callback signature rejected");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "HMAC-SHA256 headers=\"webhook-id webhook-timestamp webhook-signature\"")
                .body(problem);
    }

    @ExceptionHandler({KafkaException.class, java.util.concurrent.CompletionException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        log.warn("publishing logistics events failed; the sender is asked to retry", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the events could not be published now; retry later (event ids make a retry harmless)");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }
}
