package org.originbridge.auth;

import java.util.List;
import java.util.Set;

/**
 * The identity contract every OriginBridge service relies on (docs/security.md): what an access
 * token says about its holder. One place for the claim names, the audience and the vocabulary.
 */
public final class IdentityContract {

    /** {@code aud} of every access token. */
    public static final String AUDIENCE = "originbridge";

    /** Space-separated list of granted scopes. */
    public static final String SCOPE_CLAIM = "scope";
    /** One of {@link #ROLES}. */
    public static final String ROLE_CLAIM = "ob_role";
    /** JSON array of the exporter tenant ids (supplier ids) the client acts for. */
    public static final String TENANTS_CLAIM = "ob_tenants";
    /** The importer's party id; importer role only. */
    public static final String IMPORTER_CLAIM = "ob_importer";

    public static final List<String> SCOPES = List.of(
            "declarations.write", "declarations.read", "eco.read", "scores.read", "logistics.write", "operator",
            "subscriptions.manage");

    public static final String EXPORTER = "exporter";
    public static final String PROVIDER = "provider";
    public static final String IMPORTER = "importer";
    public static final String PROCUREMENT = "procurement";
    public static final String OPERATOR = "operator";
    /**
     * A service of this system (a Kafka producer or consumer): its tokens carry no API scope and act
     * for no tenant; they exist for the schema registry ({@link #REGISTRY_ROLES_CLAIM}).
     */
    public static final String SERVICE = "service";
    public static final Set<String> ROLES = Set.of(EXPORTER, PROVIDER, IMPORTER, PROCUREMENT, OPERATOR, SERVICE);

    /**
     * JSON array with the client's schema-registry role, read by Apicurio Registry
     * ({@code quarkus.oidc.roles.role-claim-path=roles}, docs/security.md "Schema registry");
     * absent for clients without one.
     */
    public static final String REGISTRY_ROLES_CLAIM = "roles";
    /** Apicurio Registry's roles: admin, developer (register schemas), read-only. */
    public static final List<String> REGISTRY_ROLES = List.of("sr-admin", "sr-developer", "sr-readonly");

    private IdentityContract() {
    }
}
