package org.originbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry's authentication settings (deploy/runtime/config/registry-auth.properties, which
 * bin/originbridge reads the same way): what they switch on, and how a line becomes an argument.
 */
class AuthenticatedRegistryTest {

    @Test
    void theLocalRegistryRequiresTokensOfTheIssuerWithRolesAndNoAnonymousReads() throws IOException {
        List<String> arguments = AuthenticatedRegistry.systemProperties(AuthenticatedRegistry.settingsFile(),
                "http://127.0.0.1:27088");

        assertThat(arguments).contains(
                "-Dregistry.auth.enabled=true",
                "-Dregistry.auth.anonymous-read-access.enabled=false",
                "-Dregistry.auth.role-based-authorization=true",
                "-Dregistry.auth.role-source=token",
                "-Dquarkus.oidc.roles.role-claim-path=roles",
                "-Dquarkus.oidc.jwks-path=http://127.0.0.1:27088/oauth2/jwks",
                "-Dquarkus.oidc.token.issuer=http://127.0.0.1:27088",
                "-Dquarkus.oidc.token.audience=originbridge");
        assertThat(arguments).allSatisfy(argument -> assertThat(argument).startsWith("-D").doesNotContain("@AUTH_ISSUER@"));
    }

    @Test
    void commentsAndBlankLinesAreSkipped(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("settings.properties"), """
                # a comment with @AUTH_ISSUER@

                a.b=@AUTH_ISSUER@/x
                """);

        assertThat(AuthenticatedRegistry.systemProperties(file, "http://i")).containsExactly("-Da.b=http://i/x");
    }
}
