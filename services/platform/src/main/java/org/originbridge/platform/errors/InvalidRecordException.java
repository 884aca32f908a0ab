package org.originbridge.platform.errors;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A record whose data cannot be processed, ever: retrying cannot help, so the container's error
 * handler sends it to the dead-letter topic at once with this message (naming each field) in the
 * {@code kafka_dlt-exception-message} header.
 */
public class InvalidRecordException extends RuntimeException {

    /** One problem with one field of the record. */
    public record Problem(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    private final List<Problem> problems;

    public InvalidRecordException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public InvalidRecordException(String field, String message) {
        this(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
