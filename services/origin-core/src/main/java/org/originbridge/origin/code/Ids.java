package org.originbridge.origin.code;

import java.util.regex.Pattern;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.InputLimits;

/**
 * The one parser for identifiers: declaration ids, supplier ids, material ids and reference numbers. An id
 * is a Kafka key, a MongoDB {@code _id}, a URL path segment and a log field, so it is restricted to a safe
 * alphabet: it starts with a letter or digit, then letters, digits, {@code . _ -} (a reference number may
 * also hold {@code /}), at most {@link InputLimits#maxIdLength()} characters. No spaces, no control
 * characters (CR/LF), no {@code $} or braces. Errors never echo the value beyond a short sanitised prefix.
 */
public final class Ids {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

    private Ids() {
    }

    /** An identifier used as a key or URL segment (declarationId, supplierId, materialId). */
    public static String parse(String text) {
        return check(text, ID, "letters, digits, '.', '_' or '-'");
    }

    /** A document reference number (Annex 3B (e)): as {@link #parse} and also {@code /}. */
    public static String parseReference(String text) {
        return check(text, REFERENCE, "letters, digits, '.', '_', '-' or '/'");
    }

    /** Whether {@code text} is a valid {@link #parse identifier}. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidCodeException e) {
            return false;
        }
    }

    private static String check(String text, Pattern alphabet, String allowed) {
        if (text == null || text.isEmpty()) {
            throw new InvalidCodeException(ErrorCodes.REQUIRED, "the identifier is missing");
        }
        int max = InputLimits.DEFAULT.maxIdLength();
        if (text.length() > max) {
            throw new InvalidCodeException(ErrorCodes.LIMIT_EXCEEDED, "the identifier is " + text.length()
                    + " characters long; at most " + max + " are accepted");
        }
        if (!alphabet.matcher(text).matches()) {
            throw new InvalidCodeException(ErrorCodes.INVALID_ID, "the identifier " + InputLimits.shown(text)
                    + " must start with a letter or digit and hold only " + allowed);
        }
        return text;
    }
}
