package org.originbridge.sandbox.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes RFC 9457 problem+json from servlet filters, which run outside Spring MVC's exception
 * handling. Controllers use {@link ProblemAdvice} instead; both give the same shape.
 */
public final class Problems {

    private Problems() {}

    public static void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String title, String detail)
            throws IOException {
        write(response, request, status, title, detail, List.of());
    }

    public static void writeFieldError(HttpServletResponse response, HttpServletRequest request, String field, String message)
            throws IOException {
        write(response, request, HttpStatus.BAD_REQUEST, "Bad Request", "invalid request",
                List.of(new FieldError(field, message)));
    }

    public static void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String title,
            String detail, List<FieldError> errors) throws IOException {
        StringBuilder json = new StringBuilder(160)
                .append("{\"type\":\"about:blank\",\"title\":").append(quote(title))
                .append(",\"status\":").append(status.value())
                .append(",\"detail\":").append(quote(detail))
                .append(",\"instance\":").append(quote(PartyPaths.path(request)));
        if (!errors.isEmpty()) {
            json.append(",\"errors\":[");
            for (int i = 0; i < errors.size(); i++) {
                FieldError e = errors.get(i);
                json.append(i == 0 ? "" : ",").append("{\"field\":").append(quote(e.field()))
                        .append(",\"message\":").append(quote(e.message())).append('}');
            }
            json.append(']');
        }
        json.append('}');
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
