package org.originbridge.origin.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON Schema of a wire shape, in the subset OriginBridge's readers walk ({@link SchemaFields}): {@code type}
 * ({@code object}, {@code string}, {@code array}), {@code properties}, {@code required}, {@code items},
 * {@code maxLength}, {@code pattern}, {@code enum}, {@code format: date-time}, plus two annotations of ours:
 * {@code x-invalid} (the message for a value the schema refuses; {@code {value}} and {@code {enum}} are filled
 * in) and, on the root, {@code x-error-code} (one {@link org.originbridge.origin.ErrorCodes} code for every
 * problem of the shape, where its API documents one). The schema is the one place a field's name, type, length,
 * pattern and allowed values are written: a reader asks it, never restates it. Immutable.
 */
public final class JsonSchema {

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonLimits.factory()).build();

    private final Map<String, Object> node;
    private final String errorCode;

    private JsonSchema(Map<String, Object> node, String errorCode) {
        this.node = node;
        this.errorCode = errorCode;
    }

    /** Loads a schema document (a JSON object); a document that is not one is a programming error. */
    @SuppressWarnings("unchecked")
    public static JsonSchema load(InputStream document) {
        Objects.requireNonNull(document, "schema document (is the resource on the classpath?)");
        try (InputStream in = document) {
            Object tree = MAPPER.readValue(in, Object.class);
            if (!(tree instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("a JSON schema is a JSON object");
            }
            Map<String, Object> root = (Map<String, Object>) map;
            return new JsonSchema(root, (String) root.get("x-error-code"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("unreadable JSON schema: " + e.getOriginalMessage(), e);
        }
    }

    /** Loads a schema from the classpath, next to {@code anchor} or absolute ({@code /dcsa/event.schema.json}). */
    public static JsonSchema resource(Class<?> anchor, String name) {
        return load(anchor.getResourceAsStream(name));
    }

    /** The schema of a declared property; an undeclared name is a programming error (a reader's typo fails at once). */
    public JsonSchema property(String name) {
        Object child = properties().get(name);
        if (!(child instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("the schema declares no property '" + name + "'; it declares "
                    + properties().keySet());
        }
        return child(child);
    }

    /** The declared property names, in the schema's order. */
    public Set<String> propertyNames() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(properties().keySet()));
    }

    /** The property names the object schema lists as required, in its order. */
    public List<String> requiredNames() {
        return node.get("required") instanceof List<?> required ? required.stream().map(String::valueOf).toList() : List.of();
    }

    /** The schema of an array's items. */
    public JsonSchema items() {
        Object items = node.get("items");
        if (!(items instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("the schema has no items");
        }
        return child(items);
    }

    /** Whether the object schema lists the property as required. */
    public boolean requires(String name) {
        return node.get("required") instanceof List<?> required && required.contains(name);
    }

    public String type() {
        return (String) node.get("type");
    }

    public String format() {
        return (String) node.get("format");
    }

    /** The maximum length of a string, or {@code null}. */
    public Integer maxLength() {
        return node.get("maxLength") instanceof Number n ? n.intValue() : null;
    }

    /** The pattern a string must match whole, or {@code null}. */
    public Pattern pattern() {
        return node.get("pattern") instanceof String p ? Pattern.compile(p) : null;
    }

    /** The allowed values, in the schema's order (empty: any). */
    public List<String> enumValues() {
        return node.get("enum") instanceof List<?> values ? values.stream().map(String::valueOf).toList() : List.of();
    }

    /** The message for a refused value ({@code x-invalid}), or {@code null} for the reader's own. */
    public String invalidMessage() {
        return (String) node.get("x-invalid");
    }

    /** The one error code of every problem of this shape ({@code x-error-code} on the root), or {@code null}. */
    public String errorCode() {
        return errorCode;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> properties() {
        return node.get("properties") instanceof Map<?, ?> p ? (Map<String, Object>) p : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    private JsonSchema child(Object child) {
        return new JsonSchema((Map<String, Object>) child, errorCode);
    }
}
