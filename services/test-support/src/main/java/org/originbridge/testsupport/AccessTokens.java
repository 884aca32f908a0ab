package org.originbridge.testsupport;

import java.util.List;

/**
 * Where a test gets access tokens and how the services under test are told whom to trust: the
 * in-JVM {@link TestIssuer} today; the real authorization server (deploy/auth-server) can implement
 * the same three methods, so switching a suite over is one line.
 */
public interface AccessTokens {

    /** Command-line arguments pointing a service's resource server at this issuer (issuer + JWKS). */
    List<String> springArguments();

    /** A token of an exporter acting for the given tenant (its supplierId), with the exporter scopes. */
    String exporter(String tenant);

    /** A token of the operator (reads every tenant). */
    String operator();
}
