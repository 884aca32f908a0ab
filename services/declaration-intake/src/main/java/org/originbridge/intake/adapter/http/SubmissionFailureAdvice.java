package org.originbridge.intake.adapter.http;

import java.util.List;

import org.originbridge.intake.domain.SubmissionNotAcknowledged;
import org.originbridge.intake.domain.TenantOwnership;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.platform.errors.Problems;
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
        return Problems.retryAfter(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Submission not acknowledged",
                e.getMessage() + "; the declaration was not accepted, retry with the same declarationId"), 5);
    }

    /** Another exporter owns the declaration id or the reference number: 409, nothing published. */
    @ExceptionHandler(TenantOwnership.OwnershipConflict.class)
    ResponseEntity<ProblemDetail> conflict(TenantOwnership.OwnershipConflict e) {
        return Problems.response(Problems.of(HttpStatus.CONFLICT, "Identifier owned by another exporter", e.getMessage(),
                List.of(new FieldError(e.field(), ErrorCodes.OWNED_BY_ANOTHER_TENANT, e.getMessage()))));
    }
}
