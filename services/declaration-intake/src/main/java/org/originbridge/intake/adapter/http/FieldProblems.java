package org.originbridge.intake.adapter.http;

import java.util.List;
import java.util.Map;

import org.originbridge.origin.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** 400 {@code application/problem+json} listing every bad field: {@code errors: [{field, code, message}]}. */
final class FieldProblems {

    private FieldProblems() {
    }

    static ResponseEntity<ProblemDetail> badRequest(String title, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() + " field error(s): " + errors.stream().map(FieldError::field).distinct().toList());
        problem.setTitle(title);
        problem.setProperty("errors", errors.stream()
                .map(e -> Map.of("field", e.field(), "code", e.code(), "message", e.message())).toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
