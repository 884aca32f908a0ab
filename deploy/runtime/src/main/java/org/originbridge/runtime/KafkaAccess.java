package org.originbridge.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.ResourcePatternFilter;

/**
 * Applies the principals table to a SASL/SCRAM broker with the Admin API, as an administrator
 * (credentials from {@link KafkaClientSecurity}): every principal gets a SCRAM-SHA-512 credential
 * whose password is kept in {@code CREDENTIALS_DIR/NAME.password} (made once, random 256 bits, mode
 * 600), and exactly the ACLs the table gives it (missing ones created, others of that principal
 * removed). Running it twice changes nothing but the credentials' salt.
 *
 * <pre>java -cp ... org.originbridge.runtime.KafkaAccess --bootstrap HOST:PORT --table kafka-principals.conf --credentials DIR</pre>
 */
public final class KafkaAccess {

    private static final int SCRAM_ITERATIONS = 4096;
    private static final long TIMEOUT_SECONDS = 60;

    private final KafkaPrincipals table;
    private final Path credentials;

    public KafkaAccess(KafkaPrincipals table, Path credentials) {
        this.table = table;
        this.credentials = credentials;
    }

    /** What one run did. */
    public record Applied(int principals, int aclsCreated, int aclsRemoved) {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = "127.0.0.1:9092";
        Path tableFile = null;
        Path dir = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--bootstrap" -> bootstrap = args[i + 1];
                case "--table" -> tableFile = Path.of(args[i + 1]);
                case "--credentials" -> dir = Path.of(args[i + 1]);
                default -> usage();
            }
        }
        if (tableFile == null || dir == null || args.length % 2 != 0) {
            usage();
        }
        Map<String, Object> config = KafkaClientSecurity.withEnvironmentCredentials(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)));
        try (Admin admin = Admin.create(config)) {
            Applied applied = new KafkaAccess(KafkaPrincipals.read(tableFile), dir).apply(admin);
            System.out.printf("kafka principals: %d applied (%d ACLs created, %d removed); passwords in %s%n",
                    applied.principals(), applied.aclsCreated(), applied.aclsRemoved(), dir);
        }
    }

    private static void usage() {
        System.err.println("usage: KafkaAccess --bootstrap HOST:PORT --table FILE --credentials DIR");
        System.exit(2);
    }

    public Applied apply(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        List<UserScramCredentialAlteration> upserts = new ArrayList<>();
        for (KafkaPrincipals.Principal p : table.principals()) {
            upserts.add(new UserScramCredentialUpsertion(p.name(),
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password(p.name())));
        }
        admin.alterUserScramCredentials(upserts).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        int created = 0;
        int removed = 0;
        for (KafkaPrincipals.Principal p : table.principals()) {
            Set<AclBinding> wanted = table.bindings(p);
            AclBindingFilter mine = new AclBindingFilter(ResourcePatternFilter.ANY,
                    new AccessControlEntryFilter(p.kafkaPrincipal(), null, AclOperation.ANY, AclPermissionType.ANY));
            Set<AclBinding> present = new HashSet<>(admin.describeAcls(mine).values().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            List<AclBindingFilter> stale = present.stream().filter(b -> !wanted.contains(b)).map(AclBinding::toFilter).toList();
            if (!stale.isEmpty()) {
                admin.deleteAcls(stale).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                removed += stale.size();
            }
            List<AclBinding> missing = wanted.stream().filter(b -> !present.contains(b)).toList();
            if (!missing.isEmpty()) {
                admin.createAcls(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                created += missing.size();
            }
        }
        return new Applied(table.principals().size(), created, removed);
    }

    /** The principal's password, made on first use. */
    public String password(String principal) {
        Path file = credentials.resolve(table.principal(principal).name() + ".password");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(credentials);
                restrict(credentials, "rwx------");
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                Path partial = Files.createTempFile(credentials, principal, ".tmp");
                restrict(partial, "rw-------");
                Files.writeString(partial, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.UTF_8);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own protection applies
        }
    }
}
