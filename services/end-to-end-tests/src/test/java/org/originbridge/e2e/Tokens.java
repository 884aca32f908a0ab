package org.originbridge.e2e;

import org.originbridge.testsupport.TestIssuer;

/**
 * Where the end-to-end tests get access tokens: today the in-JVM {@link TestIssuer}. To run them
 * against the real authorization server instead, change {@link #ISSUER}'s source (one line).
 */
final class Tokens {

    static final TestIssuer ISSUER = TestIssuer.shared();

    private Tokens() {
    }

    /** Reads every tenant's declarations, e-COs and scores. */
    static String operator() {
        return ISSUER.operator();
    }

    static String bearer(String token) {
        return TestIssuer.bearer(token);
    }
}
