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
import java.util.Collection;
import java.util.LinkedHashMap;
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
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.ResourcePatternFilter;

/**
 * Applies the principals table to a SASL/SCRAM broker with the Admin API, as an administrator
 * (credentials from {@link KafkaClientSecurity}): every topic of the table ({@link KafkaPrincipals#topicsToCreate}:
 * the catalogue with its configs and every service's dead-letter topics) exists, missing ones created
 * and configs of existing ones set to the table's (services may do neither); every principal gets a SCRAM-SHA-512 credential
 * whose password is kept in {@code CREDENTIALS_DIR/NAME.password} (made once, random 256 bits, mode
 * 600), and exactly the ACLs the table gives it (missing ones created, others of that principal
 * removed). Running it twice changes nothing (an existing principal's credential is kept; delete its
 * password file to give it a new one on the next run).
 *
 * <pre>java -cp ... org.originbridge.runtime.KafkaAccess --bootstrap HOST:PORT --table kafka-principals.conf --credentials DIR
 *     [--partitions 3] [--replication-factor 1]</pre>
 */
public final class KafkaAccess {

    private static final int SCRAM_ITERATIONS = 4096;
    private static final long TIMEOUT_SECONDS = 60;

    private final KafkaPrincipals table;
    private final Path credentials;
    private final int partitions;
    private final short replicationFactor;
    private boolean principalDirectories;

    public KafkaAccess(KafkaPrincipals table, Path credentials) {
        this(table, credentials, 3, (short) 1);
    }

    /** {@code partitions}, {@code replicationFactor}: of the topics the table creates without their own partition count. */
    public KafkaAccess(KafkaPrincipals table, Path credentials, int partitions, short replicationFactor) {
        this.table = table;
        this.credentials = credentials;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    /**
     * Also writes each password to {@code CREDENTIALS_DIR/NAME/password} (directory 700, file 600), so a
     * container can mount its own principal's directory only (docker-compose.yml).
     */
    public KafkaAccess withPrincipalDirectories() {
        this.principalDirectories = true;
        return this;
    }

    /** What one run did. */
    public record Applied(int principals, int aclsCreated, int aclsRemoved, int topicsCreated, int topicConfigsSet) {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = "127.0.0.1:9092";
        List<Path> tableFiles = new ArrayList<>();
        boolean principalDirs = false;
        Path dir = null;
        int partitions = 3;
        short replicationFactor = 1;
        List<String> pairs = new ArrayList<>(List.of(args));
        principalDirs = pairs.remove("--principal-directories");
        args = pairs.toArray(String[]::new);
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--bootstrap" -> bootstrap = args[i + 1];
                case "--table" -> tableFiles.add(Path.of(args[i + 1])); // several: their lines together
                case "--credentials" -> dir = Path.of(args[i + 1]);
                case "--partitions" -> partitions = Integer.parseInt(args[i + 1]);
                case "--replication-factor" -> replicationFactor = Short.parseShort(args[i + 1]);
                default -> usage();
            }
        }
        if (tableFiles.isEmpty() || dir == null || args.length % 2 != 0) {
            usage();
        }
        Map<String, Object> config = KafkaClientSecurity.withEnvironmentCredentials(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)));
        try (Admin admin = Admin.create(config)) {
            StringBuilder text = new StringBuilder();
            for (Path file : tableFiles) {
                text.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
            }
            KafkaAccess access = new KafkaAccess(KafkaPrincipals.parse(text.toString()), dir, partitions, replicationFactor);
            if (principalDirs) {
                access.withPrincipalDirectories();
            }
            Applied applied = access.apply(admin);
            System.out.printf("kafka topics: %d created, %d configs set; principals: %d applied (%d ACLs created, %d removed);"
                    + " passwords in %s%n", applied.topicsCreated(), applied.topicConfigsSet(), applied.principals(),
                    applied.aclsCreated(), applied.aclsRemoved(), dir);
        }
    }

    private static void usage() {
        System.err.println("usage: KafkaAccess --bootstrap HOST:PORT --table FILE [--table FILE ...] --credentials DIR"
                + " [--partitions N] [--replication-factor N] [--principal-directories]");
        System.exit(2);
    }

    public Applied apply(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        int[] topics = applyTopics(admin);
        // A principal whose password file existed and who already has a SCRAM-SHA-512 credential keeps it
        // untouched (re-writing it would only change the salt, and a client authenticating meanwhile could
        // be refused while the new credential propagates); new principals and new password files are upserted.
        Set<String> withCredential = new HashSet<>();
        admin.describeUserScramCredentials().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).forEach((user, description) -> {
            if (description.credentialInfos().stream().anyMatch(c -> c.mechanism() == ScramMechanism.SCRAM_SHA_512)) {
                withCredential.add(user);
            }
        });
        List<UserScramCredentialAlteration> upserts = new ArrayList<>();
        for (KafkaPrincipals.Principal p : table.principals()) {
            boolean known = Files.exists(credentials.resolve(p.name() + ".password"));
            String password = password(p.name());
            if (!known || !withCredential.contains(p.name())) {
                upserts.add(new UserScramCredentialUpsertion(p.name(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password));
            }
        }
        if (!upserts.isEmpty()) {
            admin.alterUserScramCredentials(upserts).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

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
        return new Applied(table.principals().size(), created, removed, topics[0], topics[1]);
    }

    /**
     * Creates the table's missing topics with their configs; sets the configs of existing ones where they
     * differ (partitions of an existing topic are left alone). Returns {created, configs set}.
     */
    int[] applyTopics(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics(new ListTopicsOptions().listInternal(false)).names()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
        List<KafkaPrincipals.TopicSpec> present = new ArrayList<>();
        for (KafkaPrincipals.TopicSpec t : table.topicsToCreate()) {
            if (existing.contains(t.name())) {
                present.add(t);
            } else {
                missing.add(new NewTopic(t.name(), t.partitions() == null ? partitions : t.partitions(), replicationFactor)
                        .configs(t.configs()));
            }
        }
        if (!missing.isEmpty()) {
            try {
                admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) { // created meanwhile (a service of an older build)
                    throw e;
                }
            }
        }
        List<ConfigResource> resources = present.stream().filter(t -> !t.configs().isEmpty())
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList();
        if (!resources.isEmpty()) {
            Map<ConfigResource, Config> current = admin.describeConfigs(resources).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            for (KafkaPrincipals.TopicSpec t : present) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, t.name());
                Config config = current.get(resource);
                List<AlterConfigOp> ops = new ArrayList<>();
                t.configs().forEach((key, value) -> {
                    ConfigEntry entry = config == null ? null : config.get(key);
                    if (entry == null || !value.equals(entry.value())) {
                        ops.add(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET));
                    }
                });
                if (!ops.isEmpty()) {
                    changes.put(resource, ops);
                }
            }
        }
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        return new int[] {missing.size(), changes.size()};
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
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (principalDirectories) {
                Path own = credentials.resolve(table.principal(principal).name());
                Path ownFile = own.resolve("password");
                if (!Files.exists(ownFile)) {
                    Files.createDirectories(own);
                    restrict(own, "rwx------");
                    Path partial = Files.createTempFile(own, "password", ".tmp");
                    restrict(partial, "rw-------");
                    Files.writeString(partial, password + "\n", StandardCharsets.UTF_8);
                    Files.move(partial, ownFile, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            return password;
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
