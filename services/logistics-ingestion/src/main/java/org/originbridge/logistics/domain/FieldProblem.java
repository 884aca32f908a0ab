package org.originbridge.logistics.domain;

/** One bad field of an incoming message, named by its path (e.g. {@code [2].transportCall.UNLocationCode}). */
public record FieldProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
