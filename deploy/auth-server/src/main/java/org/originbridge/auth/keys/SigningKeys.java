package org.originbridge.auth.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.originbridge.auth.DataFiles;

/**
 * The token signing keys: EC P-256 (ES256), each with a {@code kid} (its RFC 7638 thumbprint),
 * kept as a JWK set with private parts in {@code signing-keys.json} in the data directory
 * (mode 600) and reused across restarts.
 * <p>
 * The first key signs; the others stay published in the JWKS so tokens they signed keep
 * verifying until they expire. {@link #rotate()} puts a new key first and keeps at most
 * {@link #RETAINED} keys (tokens live minutes, so two would do).
 */
public final class SigningKeys {

    public static final String FILE_NAME = "signing-keys.json";
    public static final int RETAINED = 3;

    private final Path file;
    private volatile List<ECKey> keys;

    private SigningKeys(Path file, List<ECKey> keys) {
        this.file = file;
        this.keys = List.copyOf(keys);
    }

    /** Loads the keys from the data directory, creating the first key on first use. */
    public static SigningKeys loadOrCreate(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            SigningKeys created = new SigningKeys(file, List.of(generate()));
            created.save();
            return created;
        }
        return new SigningKeys(file, read(file));
    }

    /** The key that signs new tokens. */
    public ECKey active() {
        return keys.get(0);
    }

    /** Every retained key, private parts included (for the encoder's key source). */
    public JWKSet all() {
        return new JWKSet(new ArrayList<JWK>(keys));
    }

    /** What {@code /oauth2/jwks} serves: the public parts of every retained key. */
    public JWKSet publicKeys() {
        return all().toPublicJWKSet();
    }

    /** Adds a new signing key in front, keeps at most {@link #RETAINED}, saves; returns the new key. */
    public synchronized ECKey rotate() {
        List<ECKey> next = new ArrayList<>();
        next.add(generate());
        next.addAll(keys);
        keys = List.copyOf(next.subList(0, Math.min(RETAINED, next.size())));
        save();
        return active();
    }

    private void save() {
        DataFiles.writePrivate(file, all().toString(false));
    }

    private static List<ECKey> read(Path file) {
        JWKSet set;
        try {
            set = JWKSet.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not a JWK set: " + e.getMessage(), e);
        }
        List<ECKey> keys = new ArrayList<>();
        for (JWK jwk : set.getKeys()) {
            if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || !ec.isPrivate() || ec.getKeyID() == null) {
                throw new IllegalStateException(file + ": every key must be a private EC P-256 key with a kid (found "
                        + jwk.getKeyID() + ")");
            }
            keys.add(ec);
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException(file + " holds no keys; delete it to create a new one");
        }
        return keys;
    }

    static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .issueTime(new Date())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an EC P-256 key", e);
        }
    }
}
