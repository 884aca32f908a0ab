package org.originbridge.auth;

import java.nio.file.Path;

import org.originbridge.auth.keys.SigningKeys;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The local OAuth2 authorization server (Spring Authorization Server): client_credentials tokens
 * for the OriginBridge services, per the identity contract in docs/security.md.
 * <p>
 * {@code java -jar originbridge-auth-server.jar rotate-key} adds a new signing key to
 * {@code $ORIGINBRIDGE_AUTH_DATA/signing-keys.json} and exits; restart the server to sign with it
 * (the previous keys stay in the JWKS).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "rotate-key".equals(args[0])) {
            rotateKey();
            return;
        }
        SpringApplication.run(AuthServerApplication.class, args);
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
