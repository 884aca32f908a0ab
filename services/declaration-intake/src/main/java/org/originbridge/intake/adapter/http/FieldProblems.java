package org.originbridge.intake.adapter.http;

import java.util.List;

import org.originbridge.origin.FieldError;
import org.originbridge.platform.errors.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** 400 {@code application/problem+json} listing every bad field: the platform's one shape, {@code errors: [{field, code, message}]}. */
final class FieldProblems {

    private FieldProblems() {
    }

    static ResponseEntity<ProblemDetail> badRequest(String title, List<FieldError> errors) {
        return Problems.response(Problems.badRequest(title, errors));
    }
}
