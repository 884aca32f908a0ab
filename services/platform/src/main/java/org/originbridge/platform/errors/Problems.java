package org.originbridge.platform.errors;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;

/**
 * The one {@code application/problem+json} shape (RFC 9457) every service answers with: {@code type} (default
 * {@code about:blank}), {@code title}, {@code status}, {@code detail}, {@code instance} (set by Spring) and, for
 * bad input, {@code errors}: one {@code {field, code, message}} per bad field, {@code code} one of
 * {@link ErrorCodes} (origin-core's {@link FieldError}, the one field-error type). Every service's error advice
 * builds its bodies here, so clients parse one shape.
 */
public final class Problems {

    private Problems() {
    }

    /** A problem without field errors. */
    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** A problem listing each bad field under {@code errors} (omitted when there are none). */
    public static ProblemDetail of(HttpStatus status, String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = of(status, title, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors(errors));
        }
        return problem;
    }

    /** 400 listing every bad field; the detail counts them and names the distinct fields. */
    public static ProblemDetail badRequest(String title, List<FieldError> errors) {
        return of(HttpStatus.BAD_REQUEST, title,
                errors.size() + " field error(s): " + errors.stream().map(FieldError::field).distinct().toList(), errors);
    }

    /** The {@code errors} member: {@code [{field, code, message}]}, in the order given. */
    public static List<Map<String, String>> errors(List<FieldError> errors) {
        return errors.stream().map(Problems::error).toList();
    }

    /** The same problem with a {@code type} URI naming its kind. */
    public static ProblemDetail typed(ProblemDetail problem, URI type) {
        problem.setType(type);
        return problem;
    }

    /** The problem as a response with its status and the {@code application/problem+json} content type. */
    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** As {@link #response}, asking the client to retry after {@code seconds} (503, 429). */
    public static ResponseEntity<ProblemDetail> retryAfter(ProblemDetail problem, int seconds) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(seconds)).body(problem);
    }

    /** The problem as an exception Spring MVC renders as is (for code that throws rather than returns). */
    public static ErrorResponseException exception(ProblemDetail problem) {
        return new ErrorResponseException(HttpStatus.valueOf(problem.getStatus()), problem, null);
    }

    private static Map<String, String> error(FieldError e) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("field", e.field());
        m.put("code", e.code());
        m.put("message", e.message());
        return m;
    }
}
