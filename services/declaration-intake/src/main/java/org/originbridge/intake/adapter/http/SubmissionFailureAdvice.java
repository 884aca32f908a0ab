package org.originbridge.intake.adapter.http;

import java.util.List;
import java.util.Map;

import org.originbridge.intake.domain.SubmissionNotAcknowledged;
import org.originbridge.intake.domain.TenantOwnership;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A submission the broker did not acknowledge is 503 problem+json: nothing was accepted, the client may retry. */
@RestControllerAdvice
class SubmissionFailureAdvice {

    @ExceptionHandler(SubmissionNotAcknowledged.class)
    ResponseEntity<ProblemDetail> unavailable(SubmissionNotAcknowledged e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                e.getMessage() + "; the declaration was not accepted, retry with the same declarationId");
        problem.setTitle("Submission not acknowledged");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(problem);
    }

    /** Another exporter owns the declaration id or the reference number: 409, nothing published. */
    @ExceptionHandler(TenantOwnership.OwnershipConflict.class)
    ResponseEntity<ProblemDetail> conflict(TenantOwnership.OwnershipConflict e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Identifier owned by another exporter");
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
