package org.originbridge.auth.clients;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.originbridge.auth.DataFiles;
import org.originbridge.auth.IdentityContract;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registered clients, kept in {@code clients.json} in the data directory (mode 600, never in
 * the repository). On first start the file is seeded from the demo clients on the classpath
 * ({@code seed-clients.json}, no secrets in it), each with a fresh random secret. Edit the file
 * (with the server stopped) to add, change or remove clients; a bad entry stops the start with
 * the reason.
 * <p>
 * The secrets are stored in clear in this file because {@code bin/originbridge token} reads them
 * (like {@code secrets.env}); the server itself only keeps their BCrypt hashes in memory.
 */
public final class ClientStore {

    public static final String FILE_NAME = "clients.json";
    static final String SEED_RESOURCE = "/seed-clients.json";
    private static final int SECRET_BYTES = 32;

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientStore() {
    }

    /**
     * Reads {@code clients.json} from the directory, creating it from the seed on first use. A file
     * written by an older version is brought up to the seed once: the seed's sign-in clients (the
     * importer portal) and service clients (schema registry) that it lacks are added, each with a
     * fresh secret, and a seeded client that has no {@code registryRole} yet gets the seed's when its
     * role is the seed's. Nothing else in it changes (a registry role set or removed by hand stays).
     */
    public static List<ClientDefinition> loadOrSeed(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            DataFiles.writePrivate(file, JSON.writeValueAsString(Map.of("clients", seed())));
        }
        List<ClientDefinition> clients = load(file);
        List<ClientDefinition> upgraded = upgrade(clients, seed(), registryRolesKnown(file));
        if (!upgraded.equals(clients)) {
            DataFiles.writePrivate(file, JSON.writeValueAsString(Map.of("clients", upgraded)));
            clients = load(file);
        }
        return clients;
    }

    /** The clients of a file plus what a newer seed adds (see {@link #loadOrSeed}). */
    static List<ClientDefinition> upgrade(List<ClientDefinition> clients, List<ClientDefinition> seed,
            boolean registryRolesKnown) {
        Map<String, ClientDefinition> seeded = new HashMap<>();
        seed.forEach(c -> seeded.put(c.clientId(), c));
        List<ClientDefinition> all = new ArrayList<>();
        for (ClientDefinition client : clients) {
            ClientDefinition fromSeed = seeded.get(client.clientId());
            if (!registryRolesKnown && client.registryRole() == null && fromSeed != null && fromSeed.registryRole() != null
                    && Objects.equals(fromSeed.role(), client.role())) {
                client = new ClientDefinition(client.clientId(), client.clientSecret(), client.role(), client.tenants(),
                        client.scopes(), client.importer(), client.redirectUris(), fromSeed.registryRole());
            }
            all.add(client);
        }
        Set<String> ids = new HashSet<>(clients.stream().map(ClientDefinition::clientId).toList());
        seed.stream()
                .filter(c -> c.signIn() || IdentityContract.SERVICE.equals(c.role()))
                .filter(c -> !ids.contains(c.clientId()))
                .forEach(all::add);
        return all;
    }

    /** Whether the file was written by a version that knows registry roles (it then names the field). */
    private static boolean registryRolesKnown(Path file) {
        try {
            return Files.readString(file).contains("\"registryRole\"");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads and validates a clients file. */
    public static List<ClientDefinition> load(Path file) {
        ClientsFile parsed;
        try {
            parsed = JSON.readValue(Files.readString(file), ClientsFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + " is not a valid clients file: " + e.getMessage(), e);
        }
        List<ClientDefinition> clients = parsed.clients() == null ? List.of() : List.copyOf(parsed.clients());
        if (clients.isEmpty()) {
            throw new IllegalStateException(file + " defines no clients");
        }
        Set<String> ids = new HashSet<>();
        for (ClientDefinition client : clients) {
            if (!ids.add(client.clientId())) {
                throw new IllegalStateException(file + ": client id " + client.clientId() + " appears twice");
            }
        }
        return clients;
    }

    /** The demo clients of the identity contract, each with a new random secret. */
    static List<ClientDefinition> seed() {
        List<Map<String, Object>> entries;
        try (InputStream in = ClientStore.class.getResourceAsStream(SEED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + SEED_RESOURCE);
            }
            entries = JSON.readValue(in, new TypeReference<List<Map<String, Object>>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ClientDefinition> clients = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            @SuppressWarnings("unchecked")
            List<String> tenants = (List<String>) entry.get("tenants");
            @SuppressWarnings("unchecked")
            List<String> scopes = (List<String>) entry.get("scopes");
            @SuppressWarnings("unchecked")
            List<String> redirectUris = (List<String>) entry.get("redirectUris");
            clients.add(new ClientDefinition((String) entry.get("clientId"), newSecret(), (String) entry.get("role"),
                    tenants, scopes, (String) entry.get("importer"), redirectUris, (String) entry.get("registryRole")));
        }
        return clients;
    }

    static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    record ClientsFile(List<ClientDefinition> clients) {
    }
}
