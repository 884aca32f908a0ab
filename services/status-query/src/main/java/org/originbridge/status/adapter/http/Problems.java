package org.originbridge.status.adapter.http;

import java.util.List;
import java.util.Map;

import org.originbridge.origin.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * status-query's problem+json answers, built by the platform's one builder
 * ({@link org.originbridge.platform.errors.Problems}: RFC 9457 fields, each bad field under {@code errors} as
 * {@code {field, code, message}}), thrown as exceptions Spring MVC renders.
 */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
    }

    public static ErrorResponseException conflict(String detail, Map<String, Object> properties) {
        ErrorResponseException e = problem(HttpStatus.CONFLICT, "Not issued", detail, List.of());
        properties.forEach(e.getBody()::setProperty);
        return e;
    }

    public static ErrorResponseException unavailable(String detail) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable", detail, List.of());
    }

    public static ErrorResponseException badRequest(List<FieldError> errors) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.size() + " invalid parameter" + (errors.size() == 1 ? "" : "s"), errors);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail, List<FieldError> errors) {
        ProblemDetail body = org.originbridge.platform.errors.Problems.of(status, title, detail, errors);
        return org.originbridge.platform.errors.Problems.exception(body);
    }
}
