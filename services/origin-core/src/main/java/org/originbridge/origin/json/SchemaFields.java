package org.originbridge.origin.json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;

/**
 * Reads one JSON object (a parsed tree: maps, lists, strings, numbers) field by field as its {@link JsonSchema}
 * declares them, collecting every problem as a {@link FieldError} named by its path (prefix + field, e.g.
 * {@code [2].transportCall.UNLocationCode}). A value the schema refuses is reported and read as {@code null}, so
 * a reader goes on and names every bad field in one answer. What a schema cannot say (a field required only for
 * some event types, a code parsed by origin-core's vocabulary) stays with the reader, which adds its own
 * {@link #problem}s under the same path. Fields the schema does not declare are ignored (a feed may send more).
 */
public final class SchemaFields {

    static final String DATE_TIME_MESSAGE = "must be an ISO 8601 date-time with offset, e.g. 2026-11-20T07:42:00Z";

    private final JsonSchema schema;
    private final Map<?, ?> json;
    private final String prefix;
    private final List<FieldError> problems;

    /**
     * @param problems where every problem is added (shared by nested readers)
     */
    public SchemaFields(JsonSchema schema, Map<?, ?> json, String prefix, List<FieldError> problems) {
        this.schema = schema;
        this.json = json;
        this.prefix = prefix;
        this.problems = problems;
    }

    /** Reports a problem of this object's field. */
    public void problem(String field, String message) {
        problem(field, ErrorCodes.INVALID_VALUE, message);
    }

    private void problem(String field, String code, String message) {
        String fixed = schema.errorCode();
        problems.add(new FieldError(prefix + field, fixed != null ? fixed : code, message));
    }

    /** Whether the field is present (not absent, not null). */
    public boolean has(String field) {
        return json.get(checked(field)) != null;
    }

    /** A string field as the schema says: required or not, trimmed, not blank, within maxLength, pattern and enum. */
    public String string(String field) {
        return string(field, schema.requires(field));
    }

    /** As {@link #string(String)} with the required-ness decided by the reader (it depends on other fields). */
    public String string(String field, boolean required) {
        JsonSchema declared = schema.property(field);
        Object value = json.get(field);
        if (value == null) {
            if (required) {
                problem(field, ErrorCodes.REQUIRED, "is required");
            }
            return null;
        }
        if (!(value instanceof String s)) {
            problem(field, ErrorCodes.INVALID_FORMAT, "must be a string");
            return null;
        }
        String trimmed = s.trim();
        if (trimmed.isEmpty()) {
            problem(field, ErrorCodes.REQUIRED, "must not be blank");
            return null;
        }
        Integer max = declared.maxLength();
        if (max != null && trimmed.length() > max) {
            problem(field, ErrorCodes.LIMIT_EXCEEDED, "must be at most " + max + " characters");
            return null;
        }
        List<String> allowed = declared.enumValues();
        if (!allowed.isEmpty() && !allowed.contains(trimmed)) {
            problem(field, ErrorCodes.INVALID_VALUE, refused(declared, trimmed, "must be one of " + allowed));
            return null;
        }
        if (declared.pattern() != null && !declared.pattern().matcher(trimmed).matches()) {
            problem(field, ErrorCodes.INVALID_FORMAT, refused(declared, trimmed, "must match " + declared.pattern()));
            return null;
        }
        return trimmed;
    }

    /** A string field whose schema lists the constants of {@code type} as its enum. */
    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String value = string(field);
        return value == null ? null : Enum.valueOf(type, value);
    }

    /** A {@code format: date-time} string field: ISO 8601 with an offset. */
    public Instant instant(String field) {
        String value = string(field);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            problem(field, ErrorCodes.INVALID_FORMAT, DATE_TIME_MESSAGE);
            return null;
        }
    }

    /** A nested object field as a reader of its own schema, or {@code null} when absent or not an object. */
    public SchemaFields object(String field) {
        JsonSchema declared = schema.property(field);
        Object value = json.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            return new SchemaFields(declared, map, prefix + field + ".", problems);
        }
        problem(field, ErrorCodes.INVALID_FORMAT, refused(declared, null, "must be an object"));
        return null;
    }

    /** An array field, or {@code null} when absent or not an array. */
    public List<?> array(String field) {
        JsonSchema declared = schema.property(field);
        Object value = json.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list;
        }
        problem(field, ErrorCodes.INVALID_FORMAT, refused(declared, null, "must be an array"));
        return null;
    }

    /** Item {@code index} of an array field (from {@link #array}) as a reader of the items' schema, or {@code null}. */
    public SchemaFields item(String field, List<?> array, int index) {
        JsonSchema items = schema.property(field).items();
        String path = field + "[" + index + "]";
        if (array.get(index) instanceof Map<?, ?> map) {
            return new SchemaFields(items, map, prefix + path + ".", problems);
        }
        problem(path, ErrorCodes.INVALID_FORMAT, refused(items, null, "must be an object"));
        return null;
    }

    private String checked(String field) {
        schema.property(field);
        return field;
    }

    private static String refused(JsonSchema declared, String value, String otherwise) {
        String message = declared.invalidMessage();
        if (message == null) {
            return otherwise;
        }
        return message.replace("{value}", value == null ? "" : value).replace("{enum}", declared.enumValues().toString());
    }
}
