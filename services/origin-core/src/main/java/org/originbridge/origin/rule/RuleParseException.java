package org.originbridge.origin.rule;

/** A rule text that could not be parsed; the message names the offending token and its position. */
public class RuleParseException extends IllegalArgumentException {
    private final String token;
    private final int position;

    public RuleParseException(String message, String token, int position) {
        super(message);
        this.token = token;
        this.position = position;
    }

    /** The offending token, or an empty string at the end of the text. */
    public String token() {
        return token;
    }

    /** Zero-based character position of the token in the rule text. */
    public int position() {
        return position;
    }
}
