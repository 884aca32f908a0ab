package org.originbridge.sandbox.web;

/** One bad input field in a problem+json answer. */
public record FieldError(String field, String message) {}
