package org.originbridge.origin.code;

/**
 * Thrown by the value-type parsers ({@link HsCode#parse}, {@link RcepParty#parse}, {@link UnLocode#parse},
 * {@link Money#of}, {@link Decimals#parse}, ...). The message names the input and what is wrong with it;
 * {@link #code()} is one of {@link org.originbridge.origin.ErrorCodes}.
 */
public class InvalidCodeException extends IllegalArgumentException {
    private final String code;

    public InvalidCodeException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
