package org.originbridge.origin;

import java.util.Objects;

/**
 * One problem with one input field.
 *
 * @param field   path of the field, e.g. {@code goods[0].hsCode} or {@code materials[2].value}
 * @param code    stable machine-readable code, e.g. {@code REQUIRED}, {@code NOT_RCEP_PARTY}
 * @param message human-readable explanation naming what is wrong
 */
public record FieldError(String field, String code, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message + " [" + code + "]";
    }
}
