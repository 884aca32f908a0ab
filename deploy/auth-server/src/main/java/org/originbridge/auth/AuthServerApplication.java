package org.originbridge.auth;

import java.nio.file.Path;

import org.originbridge.auth.keys.SigningKeys;
import org.springframework.boot.SpringApplication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The local OAuth2 authorization server (Spring Authorization Server): client_credentials tokens
 * for the OriginBridge services, per the identity contract in docs/security.md.
 * <p>
 * {@code java -jar originbridge-auth-server.jar rotate-key} adds a new signing key to
 * {@code $ORIGINBRIDGE_AUTH_DATA/signing-keys.json} and exits; restart the server to sign with it
 * (the previous keys stay in the JWKS). {@code echo PASSWORD | java -jar originbridge-auth-server.jar
 * hash-password} prints the hash to put in {@code users.json}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "rotate-key".equals(args[0])) {
            rotateKey();
            return;
        }
        if (args.length > 0 && "hash-password".equals(args[0])) {
            hashPassword();
            return;
        }
        SpringApplication.run(AuthServerApplication.class, args);
    }

    /** Reads a password from the first line of stdin and prints its hash for {@code users.json}. */
    private static void hashPassword() {
        try {
            String password = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            if (password == null || password.length() < 12) {
                System.err.println("hash-password: give a password of at least 12 characters on stdin");
                System.exit(2);
            }
            System.out.println(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void rotateKey() {
        String data = System.getenv("ORIGINBRIDGE_AUTH_DATA");
        if (data == null || data.isBlank()) {
            System.err.println("rotate-key: set ORIGINBRIDGE_AUTH_DATA to the auth server's data directory");
            System.exit(2);
        }
        SigningKeys keys = SigningKeys.loadOrCreate(DataFiles.ensureDirectory(Path.of(data)));
        String previous = keys.active().getKeyID();
        String next = keys.rotate().getKeyID();
        System.out.println("new signing key kid=" + next + " (previous " + previous + " stays in the JWKS); "
                + "restart the auth server to sign with it");
    }
}
