package org.originbridge.origin.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;

/** Reading a parsed JSON tree against its schema: every problem named by its path, the schema the one source. */
class SchemaFieldsTest {

    private static final JsonSchema SCHEMA = JsonSchema.resource(SchemaFieldsTest.class, "/json/sample.schema.json");

    private final List<FieldError> problems = new ArrayList<>();

    private SchemaFields fields(Map<String, Object> json) {
        return new SchemaFields(SCHEMA, json, "[0].", problems);
    }

    @Test
    void aValidObjectIsReadWithoutProblems() {
        Map<String, Object> json = Map.of("id", " X-1 ", "at", "2026-11-30T01:00:00+08:00", "kind", "B", "code", "042",
                "inner", Map.of("name", "abc"), "refs", List.of(Map.of("value", "R1")));
        SchemaFields f = fields(json);

        assertThat(f.string("id")).isEqualTo("X-1");
        assertThat(f.instant("at")).isEqualTo(Instant.parse("2026-11-29T17:00:00Z"));
        assertThat(f.string("kind")).isEqualTo("B");
        assertThat(f.string("code")).isEqualTo("042");
        assertThat(f.object("inner").string("name")).isEqualTo("abc");
        List<?> refs = f.array("refs");
        assertThat(f.item("refs", refs, 0).string("value")).isEqualTo("R1");
        assertThat(problems).isEmpty();
    }

    @Test
    void everyProblemIsNamedByItsPathWithTheSchemasLimitsAndMessages() {
        Map<String, Object> json = new HashMap<>();
        json.put("id", "123456789");
        json.put("kind", "C");
        json.put("code", "12");
        json.put("inner", Map.of("name", "abcd"));
        json.put("refs", List.of("text", Map.of()));
        SchemaFields f = fields(json);

        f.string("id");
        f.instant("at");
        f.string("kind");
        f.string("code");
        f.object("inner").string("name");
        List<?> refs = f.array("refs");
        assertThat(f.item("refs", refs, 0)).isNull();
        f.item("refs", refs, 1).string("value");

        assertThat(problems).extracting(FieldError::field, FieldError::code, FieldError::message).containsExactly(
                tuple("[0].id", ErrorCodes.LIMIT_EXCEEDED, "must be at most 8 characters"),
                tuple("[0].at", ErrorCodes.REQUIRED, "is required"),
                tuple("[0].kind", ErrorCodes.INVALID_VALUE, "must be one of [A, B]"),
                tuple("[0].code", ErrorCodes.INVALID_FORMAT, "'12' is not a 3-digit code"),
                tuple("[0].inner.name", ErrorCodes.LIMIT_EXCEEDED, "must be at most 3 characters"),
                tuple("[0].refs[0]", ErrorCodes.INVALID_FORMAT, "must be a reference object"),
                tuple("[0].refs[1].value", ErrorCodes.REQUIRED, "is required"));
    }

    @Test
    void hostileValuesAreProblemsNeverExceptions() {
        Map<String, Object> json = new HashMap<>();
        json.put("id", 42);
        json.put("at", "2026-11-30T01:00:00");
        json.put("kind", "   ");
        json.put("inner", List.of("not", "an", "object"));
        json.put("refs", Map.of("not", "an array"));
        json.put("undeclared", "\u0000\r\n$where");
        SchemaFields f = fields(json);

        assertThat(f.string("id")).isNull();
        assertThat(f.instant("at")).isNull();
        assertThat(f.string("kind")).isNull();
        assertThat(f.object("inner")).isNull();
        assertThat(f.array("refs")).isNull();

        assertThat(problems).extracting(FieldError::field, FieldError::message).containsExactly(
                tuple("[0].id", "must be a string"),
                tuple("[0].at", SchemaFields.DATE_TIME_MESSAGE),
                tuple("[0].kind", "must not be blank"),
                tuple("[0].inner", "must be an object"),
                tuple("[0].refs", "must be an array"));
    }

    @Test
    void aFieldTheSchemaDoesNotDeclareIsAProgrammingErrorNotASilentNull() {
        assertThatThrownBy(() -> fields(Map.of()).string("idd"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no property 'idd'");
    }

    @Test
    void aShapeWithOneDocumentedErrorCodeReportsEveryProblemWithIt() {
        JsonSchema oneCode = JsonSchema.load(new ByteArrayInputStream("""
                {"type": "object", "x-error-code": "INVALID_VALUE", "required": ["a"],
                 "properties": {"a": {"type": "string"}, "b": {"type": "string", "maxLength": 1}}}
                """.getBytes(StandardCharsets.UTF_8)));
        SchemaFields f = new SchemaFields(oneCode, Map.of("b", "xy"), "", problems);

        f.string("a");
        f.string("b");
        f.problem("b", "a rule of the reader");

        assertThat(problems).extracting(FieldError::code).containsOnly(ErrorCodes.INVALID_VALUE).hasSize(3);
    }

    @Test
    void aDocumentThatIsNotASchemaObjectIsRefused() {
        assertThatThrownBy(() -> JsonSchema.load(new ByteArrayInputStream("[1]".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonSchema.resource(SchemaFieldsTest.class, "/json/missing.schema.json"))
                .isInstanceOf(NullPointerException.class);
    }
}
