package org.originbridge.sandbox.web;

import java.util.List;

/** Input that passed bean validation but breaks a rule of the party; answered 400 naming each field. */
public class BadRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public BadRequestException(List<FieldError> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    public BadRequestException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
