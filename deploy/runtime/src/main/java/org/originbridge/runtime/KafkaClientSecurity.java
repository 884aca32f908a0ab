package org.originbridge.runtime;

import java.util.HashMap;
import java.util.Map;

/**
 * The client side of the broker's SASL/SCRAM listener for the runtime tools (DeadLetters,
 * ConsumerLag, ReadModelReset, KafkaReady, DemoProducer, KafkaAccess, the chaos runner): with
 * {@code ORIGINBRIDGE_KAFKA_USERNAME} and {@code ORIGINBRIDGE_KAFKA_PASSWORD} in the environment
 * (bin/originbridge passes the operator's), every Kafka client they build authenticates with
 * SCRAM-SHA-512 over {@code SASL_PLAINTEXT}; without them the clients stay PLAINTEXT. The services
 * get the same settings from the platform (PlatformDefaults.kafkaCredentials).
 */
public final class KafkaClientSecurity {

    public static final String USERNAME = "ORIGINBRIDGE_KAFKA_USERNAME";
    public static final String PASSWORD = "ORIGINBRIDGE_KAFKA_PASSWORD";
    /** A file holding the password (a mounted secret), read when {@link #PASSWORD} is not set. */
    public static final String PASSWORD_FILE = "ORIGINBRIDGE_KAFKA_PASSWORD_FILE";

    private KafkaClientSecurity() {
    }

    /** The SASL client settings from this process's environment; empty without a user name. */
    public static Map<String, Object> fromEnvironment() {
        String password = System.getenv(PASSWORD);
        String file = System.getenv(PASSWORD_FILE);
        if ((password == null || password.isEmpty()) && file != null && !file.isBlank()) {
            try {
                password = java.nio.file.Files.readString(java.nio.file.Path.of(file.strip())).strip();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read " + PASSWORD_FILE + " " + file + ": " + e.getMessage(), e);
            }
        }
        return settings(System.getenv(USERNAME), password);
    }

    /** {@code config} plus the settings from this process's environment, as a new mutable map. */
    public static Map<String, Object> withEnvironmentCredentials(Map<String, ?> config) {
        Map<String, Object> all = new HashMap<>(config);
        all.putAll(fromEnvironment());
        return all;
    }

    /** SCRAM-SHA-512 over SASL_PLAINTEXT for this user; empty when {@code username} is null or blank. */
    public static Map<String, Object> settings(String username, String password) {
        if (username == null || username.isBlank()) {
            return Map.of();
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalStateException(USERNAME + " is set but " + PASSWORD + " is not");
        }
        return Map.of("security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username="
                        + quoted(username.strip()) + " password=" + quoted(password) + ";");
    }

    static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
