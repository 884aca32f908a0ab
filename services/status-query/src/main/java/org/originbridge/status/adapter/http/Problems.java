package org.originbridge.status.adapter.http;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** problem+json answers (RFC 9457), each bad field listed under {@code errors}. */
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

    public static ErrorResponseException badRequest(List<FieldError> errors) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.size() + " invalid parameter" + (errors.size() == 1 ? "" : "s"), errors);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail, List<FieldError> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return new ErrorResponseException(status, body, null);
    }

    /** One bad request parameter. */
    public record FieldError(String field, String message) {
    }
}
