package org.originbridge.auth.users;

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
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The users who sign in at the login form, kept in {@code users.json} in the data directory (mode
 * 600, never in the repository) with password HASHES only. On first start the file is seeded from
 * {@code seed-users.json} on the classpath (no passwords in it): each demo user gets a random
 * password, whose hash goes into {@code users.json} and whose clear text goes into
 * {@code initial-passwords.txt} (mode 600, one {@code user password} line each) so that
 * {@code bin/originbridge users} can tell the developer how to sign in. Delete that file once
 * read; the server never reads it.
 */
public final class UserStore {

    public static final String FILE_NAME = "users.json";
    public static final String INITIAL_PASSWORDS = "initial-passwords.txt";
    static final String SEED_RESOURCE = "/seed-users.json";
    private static final int PASSWORD_BYTES = 15;

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private UserStore() {
    }

    /** Reads {@code users.json}, seeding it (and {@code initial-passwords.txt}) on first use. */
    public static List<UserDefinition> loadOrSeed(Path dataDirectory, PasswordEncoder encoder) {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            List<UserDefinition> users = new ArrayList<>();
            StringBuilder passwords = new StringBuilder();
            for (Map<String, String> entry : seedEntries()) {
                String password = newPassword();
                users.add(new UserDefinition(entry.get("username"), encoder.encode(password), entry.get("role"),
                        entry.get("importer")));
                passwords.append(entry.get("username")).append(' ').append(password).append('\n');
            }
            DataFiles.writePrivate(dataDirectory.resolve(INITIAL_PASSWORDS), passwords.toString());
            DataFiles.writePrivate(file, JSON.writeValueAsString(Map.of("users", users)));
        }
        return load(file);
    }

    /** Reads and validates a users file (an empty list is allowed: nobody can sign in). */
    public static List<UserDefinition> load(Path file) {
        UsersFile parsed;
        try {
            parsed = JSON.readValue(Files.readString(file), UsersFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + " is not a valid users file: " + e.getMessage(), e);
        }
        List<UserDefinition> users = parsed.users() == null ? List.of() : List.copyOf(parsed.users());
        Set<String> names = new HashSet<>();
        for (UserDefinition user : users) {
            if (!names.add(user.username().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalStateException(file + ": user " + user.username() + " appears twice");
            }
        }
        return users;
    }

    private static List<Map<String, String>> seedEntries() {
        try (InputStream in = UserStore.class.getResourceAsStream(SEED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + SEED_RESOURCE);
            }
            return JSON.readValue(in, new TypeReference<List<Map<String, String>>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 120 random bits, base64url (20 characters). */
    public static String newPassword() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    record UsersFile(List<UserDefinition> users) {
    }
}
