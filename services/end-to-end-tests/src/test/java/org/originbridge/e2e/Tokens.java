package org.originbridge.e2e;

import org.originbridge.testsupport.AccessTokens;
import org.originbridge.testsupport.TestIssuer;

/**
 * Where the end-to-end tests get access tokens: the real authorization server (deploy/auth-server,
 * {@link RealAuthServer}, client_credentials over HTTP). Forged and hostile tokens stay with
 * {@link TestIssuer} in the services' own tests. ServiceStack passes {@code springArguments()} to
 * every service.
 */
final class Tokens {

    static final AccessTokens ISSUER = RealAuthServer.shared();

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
