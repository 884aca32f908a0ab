package org.originbridge.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is calling, as the access token says (see docs/security.md): the OAuth2 client, its role,
 * the exporter tenants it acts for, the importer party it is (importers only) and its scopes.
 * Built only from a validated token, never from a request body.
 */
public record Caller(String clientId, Role role, Set<String> tenants, String importerId, Set<String> scopes) {

    public static final String ROLE_CLAIM = "ob_role";
    public static final String TENANTS_CLAIM = "ob_tenants";
    public static final String IMPORTER_CLAIM = "ob_importer";

    /** The roles of the identity contract; {@code UNKNOWN} for anything else (acts for no one). */
    public enum Role { EXPORTER, PROVIDER, IMPORTER, PROCUREMENT, OPERATOR, UNKNOWN }

    public Caller {
        tenants = Set.copyOf(tenants);
        scopes = Set.copyOf(scopes);
    }

    /** Reads the contract's claims; missing or malformed claims give a caller that acts for no one. */
    public static Caller fromClaims(String subject, Map<String, Object> claims) {
        return new Caller(subject, role(claims.get(ROLE_CLAIM)), strings(claims.get(TENANTS_CLAIM)),
                claims.get(IMPORTER_CLAIM) instanceof String s && !s.isBlank() ? s : null,
                scopes(claims.get("scope")));
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    /** An exporter acts for its own tenant, a provider for the exporters it manages; nobody else for any. */
    public boolean actsFor(String tenant) {
        return tenant != null && (role == Role.EXPORTER || role == Role.PROVIDER) && tenants.contains(tenant);
    }

    /** Operators read every tenant's data; exporters and providers their own tenants'. */
    public boolean reads(String tenant) {
        return isOperator() || actsFor(tenant);
    }

    private static Role role(Object claim) {
        if (claim instanceof String s) {
            for (Role r : Role.values()) {
                if (r != Role.UNKNOWN && r.name().equalsIgnoreCase(s)) {
                    return r;
                }
            }
        }
        return Role.UNKNOWN;
    }

    private static Set<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return Set.copyOf(values.stream().filter(String.class::isInstance).map(String.class::cast)
                    .filter(s -> !s.isBlank()).toList());
        }
        return Set.of();
    }

    private static Set<String> scopes(Object claim) {
        if (claim instanceof String s) {
            return Set.copyOf(List.of(s.trim().split("\\s+")).stream().filter(x -> !x.isBlank()).toList());
        }
        return strings(claim);
    }
}
