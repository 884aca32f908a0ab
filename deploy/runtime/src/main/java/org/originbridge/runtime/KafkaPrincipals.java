package org.originbridge.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The table of Kafka principals (deploy/runtime/config/kafka-principals.conf): who may read and
 * write which topics and use which consumer groups, and the ACL bindings that follow from it; and
 * the topics the administrator creates ({@code topic} lines, plus every service's dead-letter
 * topics), which no service may create or reconfigure. Pure:
 * parsing and the bindings are tested without a broker ({@code KafkaPrincipalsTest}); {@link KafkaAccess}
 * applies them.
 */
public final class KafkaPrincipals {

    /** How a principal's list turns into ACLs (see the table's header). */
    public enum Kind { SERVICE, CLIENT, OPERATOR }

    /** One line of the table. Topic and group names may be {@code *}; a group ending in {@code *} is a prefix. */
    public record Principal(String name, Kind kind, List<String> read, List<String> write, List<String> groups) {

        public String kafkaPrincipal() {
            return "User:" + name;
        }
    }

    /**
     * A {@code topic NAME [partitions=N] [key=value ...]} line: a topic the administrator creates, with
     * its topic-level configs (the platform's {@code Topics.configs}; {@code TopicTableTest} checks they agree).
     * {@code partitions} null: the default of the run.
     */
    public record TopicSpec(String name, Integer partitions, Map<String, String> configs) {
    }

    static final Pattern CONFIG_KEY = Pattern.compile("[a-z][a-z0-9.]{0,63}");
    static final Pattern CONFIG_VALUE = Pattern.compile("-?[A-Za-z0-9.,_-]{1,64}");

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** A topic or group: Kafka's legal characters, {@code *} for all, or a prefix ending in {@code *}. */
    static final Pattern RESOURCE = Pattern.compile("\\*|[A-Za-z0-9._-]{1,249}\\*?");

    private final List<Principal> principals;
    private final List<TopicSpec> topics;

    private KafkaPrincipals(List<Principal> principals, List<TopicSpec> topics) {
        this.principals = List.copyOf(principals);
        this.topics = List.copyOf(topics);
    }

    public static KafkaPrincipals read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the table; any line it does not understand is refused with its number and the reason. */
    public static KafkaPrincipals parse(String table) {
        Map<String, Principal> byName = new LinkedHashMap<>();
        Map<String, TopicSpec> topics = new LinkedHashMap<>();
        String[] lines = table.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                if (line.startsWith("topic ") || line.equals("topic")) {
                    TopicSpec topic = parseTopic(line);
                    if (topics.putIfAbsent(topic.name(), topic) != null) {
                        throw new IllegalArgumentException("topic " + topic.name() + " listed twice");
                    }
                    continue;
                }
                Principal principal = parseLine(line);
                if (byName.putIfAbsent(principal.name(), principal) != null) {
                    throw new IllegalArgumentException("principal " + principal.name() + " listed twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new KafkaPrincipals(new ArrayList<>(byName.values()), new ArrayList<>(topics.values()));
    }

    private static TopicSpec parseTopic(String line) {
        String[] words = line.split("\\s+");
        if (words.length < 2 || !RESOURCE.matcher(words[1]).matches() || words[1].contains("*")
                || words[1].equals(".") || words[1].equals("..")) {
            throw new IllegalArgumentException("expected topic NAME [partitions=N] [config=value ...]");
        }
        Integer partitions = null;
        Map<String, String> configs = new LinkedHashMap<>();
        for (String word : Arrays.asList(words).subList(2, words.length)) {
            int eq = word.indexOf('=');
            String key = eq < 0 ? word : word.substring(0, eq);
            String value = eq < 0 ? "" : word.substring(eq + 1);
            if (!CONFIG_KEY.matcher(key).matches() || !CONFIG_VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("expected partitions=N or a topic config key=value, not '" + word + "'");
            }
            if (key.equals("partitions")) {
                try {
                    partitions = Integer.valueOf(value);
                } catch (NumberFormatException e) {
                    partitions = -1;
                }
                if (partitions < 1 || partitions > 1000) {
                    throw new IllegalArgumentException("partitions is 1-1000");
                }
            } else if (configs.put(key, value) != null) {
                throw new IllegalArgumentException(key + " given twice");
            }
        }
        return new TopicSpec(words[1], partitions, Map.copyOf(configs));
    }

    private static Principal parseLine(String line) {
        String[] words = line.split("\\s+");
        if (words.length < 2) {
            throw new IllegalArgumentException("expected NAME KIND [read=..] [write=..] [groups=..]");
        }
        String name = words[0];
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a principal name is 1-64 of [A-Za-z0-9._-], not '" + name + "'");
        }
        Kind kind;
        try {
            kind = Kind.valueOf(words[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind is service, client or operator, not '" + words[1] + "'");
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (String word : Arrays.asList(words).subList(2, words.length)) {
            int eq = word.indexOf('=');
            String key = eq < 0 ? word : word.substring(0, eq);
            if (eq < 0 || !List.of("read", "write", "groups").contains(key)) {
                throw new IllegalArgumentException("expected read=, write= or groups=, not '" + word + "'");
            }
            if (lists.put(key, names(word.substring(eq + 1))) != null) {
                throw new IllegalArgumentException(key + "= given twice");
            }
        }
        Principal principal = new Principal(name, kind, lists.getOrDefault("read", List.of()),
                lists.getOrDefault("write", List.of()), lists.getOrDefault("groups", List.of()));
        if (kind != Kind.OPERATOR && Stream.of(principal.read(), principal.write(), principal.groups())
                .anyMatch(list -> list.contains("*"))) {
            throw new IllegalArgumentException("only the operator kind may name '*' (every topic or group)");
        }
        if (Stream.concat(principal.read().stream(), principal.write().stream())
                .anyMatch(t -> t.endsWith("*") && !t.equals("*"))) {
            throw new IllegalArgumentException("topics are named exactly (a prefix is for groups only)");
        }
        return principal;
    }

    private static List<String> names(String list) {
        if (list.equals("-") || list.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String name : list.split(",", -1)) {
            if (!RESOURCE.matcher(name).matches() || name.equals(".") || name.equals("..")) {
                throw new IllegalArgumentException("'" + name + "' is not a topic or group name");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    public List<Principal> principals() {
        return principals;
    }

    public Principal principal(String name) {
        return principals.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no principal " + name + " in the table"));
    }

    /** The {@code topic} lines. */
    public List<TopicSpec> topics() {
        return topics;
    }

    /**
     * Every topic the administrator creates: the {@code topic} lines, then each service's dead-letter
     * topic of every topic it reads (default partitions, the broker's default retention).
     */
    public List<TopicSpec> topicsToCreate() {
        Map<String, TopicSpec> all = new LinkedHashMap<>();
        topics.forEach(t -> all.put(t.name(), t));
        principals.stream().filter(p -> p.kind() == Kind.SERVICE).forEach(p -> p.read().forEach(topic ->
                all.putIfAbsent(deadLetter(topic, p.name()), new TopicSpec(deadLetter(topic, p.name()), null, Map.of()))));
        return List.copyOf(all.values());
    }

    /** Every topic a service line names: the catalogue (each needs a {@code topic} line). */
    public Set<String> catalogue() {
        Set<String> topics = new LinkedHashSet<>();
        principals.stream().filter(p -> p.kind() == Kind.SERVICE).forEach(p -> {
            topics.addAll(p.read());
            topics.addAll(p.write());
        });
        return topics;
    }

    /** The platform's dead-letter topic of one consumer application (platform Topics.deadLetter). */
    public static String deadLetter(String sourceTopic, String application) {
        return sourceTopic + "-" + application + "-dlt";
    }

    /** The ACL bindings of one principal, in a stable order, without duplicates. */
    public Set<AclBinding> bindings(Principal p) {
        Set<AclBinding> acls = new LinkedHashSet<>();
        String who = p.kafkaPrincipal();
        for (String topic : p.read()) {
            allow(acls, who, ResourceType.TOPIC, topic, AclOperation.READ, AclOperation.DESCRIBE);
        }
        for (String topic : p.write()) {
            allow(acls, who, ResourceType.TOPIC, topic, AclOperation.WRITE, AclOperation.DESCRIBE);
        }
        for (String group : p.groups()) {
            allow(acls, who, ResourceType.GROUP, group, AclOperation.READ);
        }
        switch (p.kind()) {
            case SERVICE -> {
                // the dead letters of what it reads; no Create or AlterConfigs on any topic: the
                // administrator creates the topics (topicsToCreate) and sets their configs
                for (String topic : p.read()) {
                    allow(acls, who, ResourceType.TOPIC, deadLetter(topic, p.name()), AclOperation.WRITE, AclOperation.DESCRIBE);
                }
            }
            case OPERATOR -> {
                for (String topic : p.read()) {
                    allow(acls, who, ResourceType.TOPIC, topic, AclOperation.DESCRIBE_CONFIGS);
                }
                for (String group : p.groups()) {
                    allow(acls, who, ResourceType.GROUP, group, AclOperation.DESCRIBE, AclOperation.DELETE);
                }
                allow(acls, who, ResourceType.CLUSTER, "kafka-cluster", AclOperation.DESCRIBE);
            }
            case CLIENT -> {
                // exactly its list
            }
        }
        return acls;
    }

    private static void allow(Set<AclBinding> acls, String principal, ResourceType type, String name, AclOperation... operations) {
        boolean prefix = name.endsWith("*") && !name.equals("*");
        ResourcePattern pattern = new ResourcePattern(type, prefix ? name.substring(0, name.length() - 1) : name,
                prefix ? PatternType.PREFIXED : PatternType.LITERAL);
        for (AclOperation operation : operations) {
            acls.add(new AclBinding(pattern, new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
        }
    }
}
