package org.originbridge.auth.clients;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import org.originbridge.auth.IdentityContract;

/**
 * One OAuth2 client of the local authorization server, as kept in {@code clients.json}: its
 * credentials and what its tokens say (role, exporter tenants, scopes, importer party).
 * Refuses any definition the identity contract does not allow, so a hand-edited file fails at
 * start with the reason instead of minting surprising tokens.
 * <p>
 * A client with {@code redirectUris} is a <em>sign-in client</em> (the importer portal): it uses
 * the authorization-code grant with PKCE (S256) only, never client_credentials, and its tokens
 * speak for the signed-in user, so it has no role, tenants or importer of its own.
 * <p>
 * {@code registryRole} (optional; one of {@link IdentityContract#REGISTRY_ROLES}) is what the
 * client may do at the schema registry; its tokens then carry it in the {@code roles} claim. A
 * {@code service} client (a Kafka producer or consumer of this system) must have one and has no
 * scopes, tenants or importer: its tokens are good for the registry only.
 */
public record ClientDefinition(String clientId, String clientSecret, String role, List<String> tenants,
        List<String> scopes, String importer, List<String> redirectUris, String registryRole) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Tenant (supplier) and importer party ids: the same safe alphabet as declaration ids. */
    private static final Pattern PARTY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final int MIN_SECRET_LENGTH = 24;
    /** Redirect URIs of sign-in clients: http(s), no fragment, no user info, printable ASCII. */
    private static final Pattern REDIRECT = Pattern.compile("https?://[A-Za-z0-9.\\[\\]:-]+(/[A-Za-z0-9._~/-]*)?");

    /** A machine client (client_credentials). */
    public ClientDefinition(String clientId, String clientSecret, String role, List<String> tenants,
            List<String> scopes, String importer) {
        this(clientId, clientSecret, role, tenants, scopes, importer, List.of(), null);
    }

    /** A client without a schema-registry role. */
    public ClientDefinition(String clientId, String clientSecret, String role, List<String> tenants,
            List<String> scopes, String importer, List<String> redirectUris) {
        this(clientId, clientSecret, role, tenants, scopes, importer, redirectUris, null);
    }

    public ClientDefinition {
        List<String> problems = new ArrayList<>();
        redirectUris = redirectUris == null ? List.of() : List.copyOf(new LinkedHashSet<>(redirectUris));
        if (clientId == null || !ID.matcher(clientId).matches()) {
            problems.add("clientId must match " + ID.pattern());
        }
        if (clientSecret == null || clientSecret.length() < MIN_SECRET_LENGTH || clientSecret.isBlank()) {
            problems.add("clientSecret must have at least " + MIN_SECRET_LENGTH + " characters");
        }
        boolean signIn = !redirectUris.isEmpty();
        for (String uri : redirectUris) {
            if (uri == null || !REDIRECT.matcher(uri).matches()) {
                problems.add("redirect URI '" + uri + "' must match " + REDIRECT.pattern());
            }
        }
        if (signIn && (role != null || importer != null || (tenants != null && !tenants.isEmpty()))) {
            problems.add("a sign-in client (with redirectUris) has no role, tenants or importer: its tokens speak for the user");
        }
        if (!signIn && (role == null || !IdentityContract.ROLES.contains(role))) {
            problems.add("role must be one of " + IdentityContract.ROLES);
        }
        tenants = tenants == null ? List.of() : List.copyOf(new LinkedHashSet<>(tenants));
        scopes = scopes == null ? List.of() : List.copyOf(new LinkedHashSet<>(scopes));
        for (String tenant : tenants) {
            if (tenant == null || !PARTY.matcher(tenant).matches()) {
                problems.add("tenant '" + tenant + "' must match " + PARTY.pattern());
            }
        }
        boolean service = IdentityContract.SERVICE.equals(role) && !signIn;
        if (scopes.isEmpty() && !service) {
            problems.add("scopes must not be empty");
        }
        if (service && !scopes.isEmpty()) {
            problems.add("a service client has no API scopes (its tokens are for the schema registry only)");
        }
        if (registryRole != null && !IdentityContract.REGISTRY_ROLES.contains(registryRole)) {
            problems.add("registryRole must be one of " + IdentityContract.REGISTRY_ROLES);
        }
        if (service && registryRole == null) {
            problems.add("a service client needs a registryRole (one of " + IdentityContract.REGISTRY_ROLES + ")");
        }
        if (signIn && registryRole != null) {
            problems.add("a sign-in client has no registryRole: its tokens speak for the user");
        }
        for (String scope : scopes) {
            if (!IdentityContract.SCOPES.contains(scope)) {
                problems.add("unknown scope '" + scope + "' (one of " + IdentityContract.SCOPES + ")");
            }
        }
        if (role != null && !signIn) {
            switch (role) {
                case IdentityContract.EXPORTER -> {
                    if (tenants.size() != 1) {
                        problems.add("an exporter acts for exactly one tenant");
                    }
                }
                case IdentityContract.PROVIDER -> {
                    if (tenants.isEmpty()) {
                        problems.add("a provider manages at least one exporter tenant");
                    }
                }
                default -> {
                    if (!tenants.isEmpty()) {
                        problems.add("role " + role + " has no exporter tenants");
                    }
                }
            }
            boolean importerRole = IdentityContract.IMPORTER.equals(role);
            if (importerRole && (importer == null || !PARTY.matcher(importer).matches())) {
                problems.add("an importer needs its party id in 'importer' (matching " + PARTY.pattern() + ")");
            }
            if (!importerRole && importer != null) {
                problems.add("only the importer role has an 'importer' party id");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("client " + clientId + ": " + String.join("; ", problems));
        }
    }

    /** Uses the authorization-code grant (with PKCE) for signed-in users instead of client_credentials. */
    public boolean signIn() {
        return !redirectUris.isEmpty();
    }

    /** The scopes as the space-separated string of the {@code scope} claim. */
    public String scopeString() {
        return String.join(" ", scopes);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "ClientDefinition[" + clientId + ", role=" + role + ", tenants=" + tenants + ", scopes=" + scopes
                + (importer == null ? "" : ", importer=" + importer)
                + (redirectUris.isEmpty() ? "" : ", redirectUris=" + redirectUris)
                + (registryRole == null ? "" : ", registryRole=" + registryRole) + "]";
    }
}
