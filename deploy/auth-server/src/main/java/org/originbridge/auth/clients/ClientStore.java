package org.originbridge.auth.clients;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.originbridge.auth.DataFiles;
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
     * written before sign-in clients existed gets the seed's sign-in clients (the importer portal)
     * added once, each with a fresh secret; nothing else in it changes.
     */
    public static List<ClientDefinition> loadOrSeed(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            DataFiles.writePrivate(file, JSON.writeValueAsString(Map.of("clients", seed())));
        }
        List<ClientDefinition> clients = load(file);
        Set<String> ids = new HashSet<>(clients.stream().map(ClientDefinition::clientId).toList());
        List<ClientDefinition> missing = seed().stream().filter(ClientDefinition::signIn)
                .filter(c -> !ids.contains(c.clientId())).toList();
        if (!missing.isEmpty()) {
            List<ClientDefinition> all = new ArrayList<>(clients);
            all.addAll(missing);
            DataFiles.writePrivate(file, JSON.writeValueAsString(Map.of("clients", all)));
            clients = load(file);
        }
        return clients;
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
                    tenants, scopes, (String) entry.get("importer"), redirectUris));
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
