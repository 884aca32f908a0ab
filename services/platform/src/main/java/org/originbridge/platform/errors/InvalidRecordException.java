package org.originbridge.platform.errors;

import java.util.List;
import java.util.stream.Collectors;

import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;

/**
 * A record whose data cannot be processed, ever: retrying cannot help, so the container's error
 * handler sends it to the dead-letter topic at once with this message (naming each field) in the
 * {@code kafka_dlt-exception-message} header. Each bad field is an origin-core {@link FieldError}, the one
 * field-error record (a field without a more precise code gets {@link ErrorCodes#INVALID_VALUE}).
 */
public class InvalidRecordException extends RuntimeException {

    private final List<FieldError> errors;

    private InvalidRecordException(List<FieldError> errors, boolean copied) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = errors;
    }

    /** Every bad field of the record (at least one). */
    public static InvalidRecordException of(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid record names at least one field error");
        }
        return new InvalidRecordException(List.copyOf(errors), true);
    }

    /** One bad field with its {@link ErrorCodes} code. */
    public InvalidRecordException(String field, String code, String message) {
        this(List.of(new FieldError(field, code, message)), true);
    }

    /** One bad field, coded {@link ErrorCodes#INVALID_VALUE}. */
    public InvalidRecordException(String field, String message) {
        this(field, ErrorCodes.INVALID_VALUE, message);
    }

    /** Every bad field, in the order found. */
    public List<FieldError> errors() {
        return errors;
    }
}
