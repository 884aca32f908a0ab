package org.originbridge.subscriptions.adapter.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys that encrypt webhook secrets at rest: AES-256-GCM, a fresh 96-bit nonce per
 * encryption, the ciphertext bound to where it is stored by the associated data (a ciphertext copied
 * into another subscription's document does not open). Keys have an id ({@code kid}); the first key
 * encrypts, every key decrypts, so a master key is rotated by putting a new key first and
 * restarting: {@code MongoSubscriptions.rewrap()} re-encrypts every stored secret under it, after
 * which the old key may be removed.
 * <p>Keys come from {@code kid:base64(32 bytes)} entries (the {@code SUBSCRIPTIONS_ENCRYPTION_KEYS}
 * setting) or from a key file of such lines, one per line, generated with one fresh key on first use
 * (mode 600, its directory 700). Nothing of it is in the repository.
 */
public final class SecretKeyRing {

    /** An encrypted value and what is needed to open it. */
    public record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
    }

    private static final Pattern KID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKeySpec> keys;
    private final String current;

    private SecretKeyRing(Map<String, SecretKeySpec> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no encryption key");
        }
        this.keys = Map.copyOf(keys);
        this.current = keys.keySet().iterator().next();
    }

    /** Keys from {@code kid:base64} entries; the first encrypts. */
    public static SecretKeyRing of(List<String> entries) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("an encryption key is kid:base64 (32 bytes)");
            }
            String kid = entry.substring(0, colon);
            if (!KID.matcher(kid).matches()) {
                throw new IllegalArgumentException("an encryption key id is 1-64 of A-Z a-z 0-9 . _ -");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("encryption key " + kid + " is not base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("encryption key " + kid + " must be 32 bytes (AES-256)");
            }
            if (keys.putIfAbsent(kid, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("encryption key id " + kid + " appears twice");
            }
        }
        return new SecretKeyRing(keys);
    }

    /** Keys from a file of {@code kid:base64} lines; a missing file is created with one new key. */
    public static SecretKeyRing fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return of(Files.readAllLines(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the encryption key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** A new entry {@code kid:base64} (the key id says nothing about the key). */
    public static String newEntry() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        byte[] id = new byte[4];
        RANDOM.nextBytes(id);
        return "k" + HexFormat.of().formatHex(id) + ":" + Base64.getEncoder().encodeToString(key);
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.exists(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        Path tmp = dir.resolve(file.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        if (posix) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, "# webhook secret encryption keys (kid:base64 AES-256); the first encrypts\n" + newEntry() + "\n",
                StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(tmp, file); // fails if another instance created it meanwhile: then that file is read
    }

    public String currentKeyId() {
        return current;
    }

    public List<String> keyIds() {
        return new ArrayList<>(keys.keySet());
    }

    /** Encrypts under the current key, bound to {@code context}. */
    public Sealed seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(current), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(current, context));
            return new Sealed(current, nonce, cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    /** Decrypts; throws IllegalStateException for an unknown key id or a value altered or moved from its context. */
    public String open(Sealed sealed, String context) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("encryption key " + sealed.keyId() + " is not configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(aad(sealed.keyId(), context));
            return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("a stored secret does not open (altered, or moved from " + context + ")");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a stored secret: " + e.getMessage(), e);
        }
    }

    private static byte[] aad(String kid, String context) {
        byte[] k = kid.getBytes(StandardCharsets.UTF_8);
        byte[] c = context.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + k.length + c.length).putInt(k.length).put(k).putInt(c.length).put(c).array();
    }
}
