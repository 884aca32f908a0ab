package org.originbridge.e2e;

import org.originbridge.testsupport.AccessTokens;
import org.originbridge.testsupport.TestIssuer;

/**
 * Where the end-to-end tests get access tokens: today the in-JVM {@link TestIssuer}. To run them
 * against the real authorization server instead, assign another {@link AccessTokens} to
 * {@link #ISSUER} (one line); ServiceStack passes its {@code springArguments()} to every service.
 */
final class Tokens {

    static final AccessTokens ISSUER = TestIssuer.shared();

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
