package org.originbridge.intake.adapter.http;

import org.originbridge.intake.domain.SubmissionNotAcknowledged;
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
}
