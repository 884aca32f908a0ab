package org.originbridge.platform.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * The EC P-256 signing keys of ONE service, kept in its own key directory (never in the
 * repository): one file {@code <kid>.jwk.json} per key holding the private JWK (mode 600, directory
 * 700). The JWK's {@code iat} is when the key was made; a retired key carries {@code exp}: the
 * instant after which no token it signed is valid any more (retirement + the longest token
 * lifetime), so its public key stays published until then.
 *
 * <p>The current key is the newest key without {@code exp}. {@link #rotate()} makes a new key
 * current and retires the previous one (new file written first, so a crash in between leaves two
 * unretired keys: the newest is current, the older ones count as retired at the newer key's
 * {@code iat}). Keys past their {@code exp} are no longer published, and deleted from disk.
 */
public final class SigningKeys {

    private static final String SUFFIX = ".jwk.json";
    private static final DateTimeFormatter KID_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final String service;
    private final Duration keepRetiredFor;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile List<SigningKey> keys;

    /** One key: the private JWK, which service holds it, and until when its tokens may be valid (null: current). */
    public record SigningKey(ECKey jwk, String service, Instant notBefore, Instant notAfter) {
        public String kid() {
            return jwk.getKeyID();
        }

        /** The public half as a JWK (kty, crv, x, y, kid, use, alg): what is published. */
        public ECKey publicJwk() {
            return jwk.toPublicJWK();
        }
    }

    /**
     * Loads the keys of {@code service} from {@code directory}, creating the directory and a first
     * key when there is none.
     *
     * @param keepRetiredFor how long a retired key stays published: at least the longest lifetime
     *                       of a token it signed
     */
    public SigningKeys(Path directory, String service, Duration keepRetiredFor, Clock clock) {
        if (service == null || !service.matches("[a-z][a-z0-9-]{1,62}")) {
            throw new IllegalArgumentException("service name must be lower-case letters, digits and '-': " + service);
        }
        this.directory = directory;
        this.service = service;
        this.keepRetiredFor = keepRetiredFor;
        this.clock = clock;
        createDirectory();
        this.keys = load();
        if (keys.stream().noneMatch(k -> k.notAfter() == null)) {
            write(generate());
            this.keys = load();
        }
    }

    public String service() {
        return service;
    }

    /** The key new tokens are signed with. */
    public SigningKey current() {
        return keys.stream().filter(k -> k.notAfter() == null).findFirst()
                .orElseThrow(() -> new IllegalStateException("no current signing key in " + directory));
    }

    /** Every key whose tokens may still be valid (current first), to publish. */
    public List<SigningKey> published() {
        Instant now = clock.instant();
        return keys.stream().filter(k -> k.notAfter() == null || k.notAfter().isAfter(now)).toList();
    }

    /** Makes a new key current; the previous one stays published for {@code keepRetiredFor}. */
    public synchronized SigningKey rotate() {
        SigningKey previous = current();
        SigningKey next = generate();
        write(next);
        write(new SigningKey(new ECKey.Builder(previous.jwk()).expirationTime(Date.from(clock.instant().plus(keepRetiredFor)))
                .build(), service, previous.notBefore(), clock.instant().plus(keepRetiredFor)));
        this.keys = load();
        return current();
    }

    /** Rotates when the current key is older than {@code maxAge}; true when it did. */
    public boolean rotateIfOlderThan(Duration maxAge) {
        if (maxAge == null || maxAge.isZero() || maxAge.isNegative()) {
            return false;
        }
        if (current().notBefore().plus(maxAge).isAfter(clock.instant())) {
            return false;
        }
        rotate();
        return true;
    }

    // ------------------------------------------------------------------ files

    private SigningKey generate() {
        Instant now = clock.instant();
        byte[] suffix = new byte[4];
        random.nextBytes(suffix);
        String kid = service + "-" + KID_DATE.format(now) + "-" + HexFormat.of().formatHex(suffix);
        try {
            ECKey jwk = new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .issueTime(Date.from(now)).generate();
            return new SigningKey(jwk, service, now, null);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate an EC P-256 key", e);
        }
    }

    private List<SigningKey> load() {
        List<ECKey> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
                JWK jwk = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
                if (!(jwk instanceof ECKey ec) || !ec.isPrivate() || !Curve.P_256.equals(ec.getCurve()) || ec.getIssueTime() == null
                        || ec.getKeyID() == null || !ec.getKeyID().startsWith(service + "-")) {
                    throw new IllegalStateException(file + " is not a private EC P-256 key of " + service + " with kid and iat");
                }
                found.add(ec);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read signing keys from " + directory, e);
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable signing key in " + directory + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing((ECKey k) -> k.getIssueTime()).reversed());
        List<SigningKey> result = new ArrayList<>();
        Instant newerMadeAt = null;
        Instant now = clock.instant();
        for (ECKey k : found) {
            Instant madeAt = k.getIssueTime().toInstant();
            Instant notAfter = k.getExpirationTime() != null ? k.getExpirationTime().toInstant()
                    : newerMadeAt == null ? null : newerMadeAt.plus(keepRetiredFor);
            if (notAfter != null && !notAfter.isAfter(now)) {
                deleteQuietly(directory.resolve(k.getKeyID() + SUFFIX));
            } else {
                result.add(new SigningKey(k, service, madeAt, notAfter));
            }
            if (k.getExpirationTime() == null && newerMadeAt == null) {
                newerMadeAt = madeAt;
            }
        }
        return List.copyOf(result);
    }

    private void write(SigningKey key) {
        Path target = directory.resolve(key.kid() + SUFFIX);
        try {
            Path temp = Files.createTempFile(directory, ".key-", ".tmp");
            restrict(temp, "rw-------");
            Files.writeString(temp, key.jwk().toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write signing key to " + directory, e);
        }
    }

    private void createDirectory() {
        try {
            Files.createDirectories(directory);
            restrict(directory, "rwx------");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the signing key directory " + directory, e);
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's ACL applies
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // kept; it is no longer published either way
        }
    }
}
