package org.originbridge.logistics.domain;

import java.util.List;
import java.util.stream.Collectors;

import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;

/**
 * An incoming message (DCSA JSON or EDIFACT) that cannot be accepted; names every bad field, each an origin-core
 * {@link FieldError} (the one field-error record) coded {@link ErrorCodes#INVALID_VALUE}: the readers name the
 * field and what is wrong, and one code for a bad logistics value is what the API documents.
 */
public class InvalidEventsException extends RuntimeException {

    private final List<FieldError> problems;

    public InvalidEventsException(List<FieldError> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid message names at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidEventsException(String field, String message) {
        this(List.of(problem(field, message)));
    }

    /** One bad field of an incoming message, named by its path (e.g. {@code [2].transportCall.UNLocationCode}). */
    public static FieldError problem(String field, String message) {
        return new FieldError(field, ErrorCodes.INVALID_VALUE, message);
    }

    public List<FieldError> problems() {
        return problems;
    }
}
