package org.originbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SortedSet;

import org.junit.jupiter.api.Test;

/** What PublishedContractsIT compares: a changed path, method, parameter, scope or scheme is a difference. */
class OpenApiContractTest {

    private static final String DOCUMENT = """
            openapi: 3.1.0
            paths:
              /api/v1/declarations/{id}:
                get:
                  parameters:
                  - {in: path, name: id, required: true}
                  security:
                  - oauth2: [declarations.read]
              /api/v1/public/qr/{token}:
                get:
                  security: []
            components:
              securitySchemes:
                oauth2:
                  type: oauth2
                  flows:
                    clientCredentials:
                      tokenUrl: http://127.0.0.1:8088/oauth2/token
                      scopes: {declarations.read: x, eco.read: y}
            """;

    @Test
    void anOperationIsItsMethodPathParametersAndSecurity() {
        assertThat(OpenApiContract.lines(OpenApiContract.parse(DOCUMENT))).containsExactly(
                "GET /api/v1/declarations/{id} params=[path:id!] security=[oauth2[declarations.read]]",
                "GET /api/v1/public/qr/{token} params=[] security=public",
                "scheme oauth2 type=oauth2 flow=clientCredentials scopes=[declarations.read, eco.read]");
    }

    @Test
    void aChangedScopeOrAMissingOperationIsADifferenceButADescriptionIsNot() {
        SortedSet<String> original = OpenApiContract.lines(OpenApiContract.parse(DOCUMENT));
        SortedSet<String> otherScope = OpenApiContract.lines(OpenApiContract.parse(
                DOCUMENT.replace("oauth2: [declarations.read]", "oauth2: [eco.read]")));
        SortedSet<String> noQr = OpenApiContract.lines(OpenApiContract.parse(
                DOCUMENT.replace("  /api/v1/public/qr/{token}:\n    get:\n      security: []\n", "")));
        SortedSet<String> described = OpenApiContract.lines(OpenApiContract.parse(
                DOCUMENT.replace("openapi: 3.1.0", "openapi: 3.1.0\ninfo: {title: t, description: d}")));

        assertThat(OpenApiContract.missing(original, otherScope)).hasSize(1);
        assertThat(OpenApiContract.missing(original, noQr)).containsExactly("GET /api/v1/public/qr/{token} params=[] security=public");
        assertThat(described).isEqualTo(original);
    }

    @Test
    void somethingThatIsNotADocumentIsRefused() {
        assertThatThrownBy(() -> OpenApiContract.parse("- just\n- a list\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
