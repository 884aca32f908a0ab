package org.originbridge.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;
import org.originbridge.platform.security.SecurityProperties;
import org.originbridge.platform.security.SecurityProperties.AccessRule;

class OpenApiSecurityTest {

    private final OpenApiSecurity security = new OpenApiSecurity(new SecurityProperties(
            List.of("/api/v1/public/**", "/.well-known/**"), 120,
            List.of(new AccessRule("GET", "/api/v1/importer/**", List.of("eco.read")),
                    new AccessRule("GET", "/api/v1/declarations/**", List.of("declarations.read")),
                    new AccessRule(null, "/api/v1/suppliers/*/score", List.of("scores.read", "operator"))),
            new SecurityProperties.Cors(List.of(), List.of(), List.of())), "http://auth.example/oauth2/token");

    @Test
    void aPublicPathNeedsNoToken() {
        assertThat(security.requirement("GET", "/api/v1/public/verifications/{referenceNumber}")).isEmpty();
        assertThat(security.requirement("GET", "/.well-known/jwks.json")).isEmpty();
    }

    @Test
    void aPathAnAccessRuleNamesNeedsThatRulesScopes() {
        assertThat(security.requirement("GET", "/api/v1/importer/declarations/{id}/eco").get(0))
                .containsEntry(OpenApiSecurity.SCHEME, List.of("eco.read"));
        assertThat(security.requirement("get", "/api/v1/declarations/{id}").get(0))
                .containsEntry(OpenApiSecurity.SCHEME, List.of("declarations.read"));
        assertThat(security.requirement("DELETE", "/api/v1/suppliers/{supplierId}/score").get(0))
                .as("a rule without a method covers every method")
                .containsEntry(OpenApiSecurity.SCHEME, List.of("scores.read", "operator"));
    }

    @Test
    void aRuleForAnotherMethodDoesNotApplyButATokenIsStillNeeded() {
        assertThat(security.requirement("POST", "/api/v1/declarations/{id}").get(0))
                .containsEntry(OpenApiSecurity.SCHEME, List.of());
        assertThat(security.requirement("GET", "/anything/else").get(0)).containsEntry(OpenApiSecurity.SCHEME, List.of());
    }

    @Test
    void theDocumentGetsTheSchemeWithEveryScopeAndEachOperationItsRequirementInPathOrder() {
        OpenAPI api = new OpenAPI().paths(new Paths()
                .addPathItem("/api/v1/public/qr/{token}", new PathItem().get(new Operation()))
                .addPathItem("/api/v1/declarations/{id}", new PathItem().get(new Operation()).post(new Operation())));

        security.apply(api);

        SecurityScheme scheme = api.getComponents().getSecuritySchemes().get(OpenApiSecurity.SCHEME);
        assertThat(scheme.getType()).isEqualTo(SecurityScheme.Type.OAUTH2);
        assertThat(scheme.getFlows().getClientCredentials().getTokenUrl()).isEqualTo("http://auth.example/oauth2/token");
        assertThat(scheme.getFlows().getClientCredentials().getScopes())
                .containsOnlyKeys("declarations.read", "eco.read", "operator", "scores.read");
        assertThat(api.getPaths().keySet()).containsExactly("/api/v1/declarations/{id}", "/api/v1/public/qr/{token}");
        assertThat(api.getPaths().get("/api/v1/public/qr/{token}").getGet().getSecurity()).isEmpty();
        assertThat(api.getPaths().get("/api/v1/declarations/{id}").getGet().getSecurity().get(0))
                .containsEntry(OpenApiSecurity.SCHEME, List.of("declarations.read"));
        assertThat(api.getPaths().get("/api/v1/declarations/{id}").getPost().getSecurity().get(0))
                .containsEntry(OpenApiSecurity.SCHEME, List.of());
    }
}
