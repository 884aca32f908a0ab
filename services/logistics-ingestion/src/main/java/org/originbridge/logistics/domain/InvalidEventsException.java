package org.originbridge.logistics.domain;

import java.util.List;
import java.util.stream.Collectors;

/** An incoming message (DCSA JSON or EDIFACT) that cannot be accepted; names every bad field. */
public class InvalidEventsException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidEventsException(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid message names at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidEventsException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
