package org.originbridge.status.adapter.web;

import java.util.regex.Pattern;

/**
 * What the public pages accept before looking anything up: a reference number of letters, digits,
 * '.', '-' and '_' (at most 64) and a code of at most 4096 characters (a signed verification code or
 * a short code). Anything else is answered without a lookup, and never echoed unescaped.
 */
final class PublicInput {

    static final int MAX_CODE = 4096;
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private PublicInput() {
    }

    static boolean reference(String reference) {
        return reference != null && REFERENCE.matcher(reference).matches();
    }

    static boolean code(String code) {
        return code != null && !code.isBlank() && code.length() <= MAX_CODE;
    }
}
