package org.originbridge.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemsTest {

    /** Serialised as Spring MVC does (its mixin unwraps the extension members such as {@code errors}). */
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    @Test
    void aBadRequestListsEveryFieldAsFieldCodeMessageInOrder() {
        ProblemDetail problem = Problems.badRequest("Invalid declaration", List.of(
                new FieldError("goods[0].hsCode", ErrorCodes.INVALID_HS_CODE, "HS code '12' must have 6 digits"),
                new FieldError("consignment.portOfLoading", ErrorCodes.INVALID_LOCODE, "UN/LOCODE 'X' must be 5 characters"),
                new FieldError("goods[0].hsCode", ErrorCodes.REQUIRED, "is required")));

        JsonNode json = JSON.valueToTree(problem);
        assertThat(json.path("status").asInt()).isEqualTo(400);
        assertThat(json.path("title").asString()).isEqualTo("Invalid declaration");
        assertThat(json.path("detail").asString()).isEqualTo("3 field error(s): [goods[0].hsCode, consignment.portOfLoading]");
        assertThat(json.path("errors")).hasSize(3);
        JsonNode first = json.path("errors").get(0);
        assertThat(first.propertyNames()).containsExactly("field", "code", "message");
        assertThat(first.path("code").asString()).isEqualTo(ErrorCodes.INVALID_HS_CODE);
        assertThat(json.path("errors").get(1).path("field").asString()).isEqualTo("consignment.portOfLoading");
    }

    @Test
    void aProblemWithoutFieldErrorsHasNoErrorsMember() {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "Not Found", "no such declaration", List.of());

        assertThat(problem.getProperties()).isNull();
        assertThat(problem.getStatus()).isEqualTo(404);
    }

    @Test
    void responsesCarryTheProblemContentTypeAndRetryAfter() {
        var response = Problems.retryAfter(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable", "broker down"), 5);

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(Problems.response(Problems.of(HttpStatus.CONFLICT, "Conflict", "taken")).getStatusCode().value())
                .isEqualTo(409);
    }

    @Test
    void hostileFieldTextIsCarriedAsDataNotMarkup() {
        String hostile = "\"}],\"status\":200,\"x\":[{\"<script>";
        ProblemDetail problem = Problems.badRequest("Invalid", List.of(new FieldError(hostile, ErrorCodes.INVALID_VALUE, hostile)));

        JsonNode json = JSON.readTree(JSON.writeValueAsString(problem));
        assertThat(json.path("status").asInt()).isEqualTo(400);
        assertThat(json.path("errors").get(0).path("field").asString()).isEqualTo(hostile);
        assertThat(json.has("x")).isFalse();
    }

    @Test
    void typedSetsTheTypeAndExceptionKeepsTheBody() {
        ProblemDetail problem = Problems.typed(Problems.of(HttpStatus.BAD_REQUEST, "Bad", "d"),
                URI.create("https://originbridge.org/problems/x"));
        var e = Problems.exception(problem);

        assertThat(e.getStatusCode().value()).isEqualTo(400);
        assertThat(e.getBody().getType()).hasToString("https://originbridge.org/problems/x");
        assertThat(Problems.errors(List.of(new FieldError("f", "C", "m")))).containsExactly(
                Map.of("field", "f", "code", "C", "message", "m"));
    }
}
