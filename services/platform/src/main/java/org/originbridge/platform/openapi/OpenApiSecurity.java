package org.originbridge.platform.openapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.originbridge.platform.security.SecurityProperties;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Writes into an OpenAPI document what the platform's filter chain enforces, from the same
 * settings: an operation on a public path gets an empty security list (no token), one that an
 * access rule names needs the {@value #SCHEME} scheme with that rule's scopes, any other needs a
 * token with no particular scope. The first matching access rule wins, as in the filter chain.
 */
public final class OpenApiSecurity {

    /** The security scheme's name in every OriginBridge document. */
    public static final String SCHEME = "oauth2";

    private final List<PathPattern> publicPaths;
    private final List<Rule> rules;
    private final String tokenUrl;

    public OpenApiSecurity(SecurityProperties security, String tokenUrl) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        this.publicPaths = security.publicPaths().stream().map(parser::parse).toList();
        this.rules = security.access().stream()
                .map(r -> new Rule(r.method() == null || r.method().isBlank() ? null : r.method().trim().toUpperCase(),
                        parser.parse(r.path()), List.copyOf(r.scopes())))
                .toList();
        this.tokenUrl = tokenUrl;
    }

    /** Adds the scheme (client credentials, every scope an access rule names) and each operation's requirement. */
    public void apply(OpenAPI api) {
        Scopes scopes = new Scopes();
        Set<String> all = new LinkedHashSet<>();
        rules.forEach(r -> all.addAll(r.scopes()));
        all.stream().sorted().forEach(s -> scopes.addString(s, "see docs/security.md"));
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        api.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Access token (JWT, ES256) from the OriginBridge authorization server; "
                        + "tenants and roles are claims of the token (docs/security.md)")
                .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(tokenUrl).scopes(scopes))));
        if (api.getPaths() == null) {
            return;
        }
        // a stable order of paths, so the served document and its checked-in copy diff cleanly
        Map<String, PathItem> sorted = new TreeMap<>(api.getPaths());
        api.getPaths().clear();
        api.getPaths().putAll(sorted);
        sorted.forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operation.setSecurity(requirement(method.name(), path))));
    }

    /** What the filter chain asks of a request to {@code path} (an OpenAPI path template) with {@code method}. */
    public List<SecurityRequirement> requirement(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        if (publicPaths.stream().anyMatch(p -> p.matches(container))) {
            return new ArrayList<>();
        }
        for (Rule rule : rules) {
            if ((rule.method() == null || rule.method().equals(method.toUpperCase())) && rule.path().matches(container)) {
                return new ArrayList<>(List.of(new SecurityRequirement().addList(SCHEME, rule.scopes())));
            }
        }
        return new ArrayList<>(List.of(new SecurityRequirement().addList(SCHEME)));
    }

    private record Rule(String method, PathPattern path, List<String> scopes) {
    }
}
