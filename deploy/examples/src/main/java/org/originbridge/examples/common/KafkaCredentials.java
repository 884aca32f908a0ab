package org.originbridge.examples.common;

import java.util.Properties;

/**
 * A Kafka client's credentials for the local broker's SASL/SCRAM listener: settings
 * {@code kafka-username} and {@code kafka-password} (or {@code KAFKA_USERNAME} / {@code KAFKA_PASSWORD};
 * {@code bin/originbridge kafka-credentials NAME} prints them). Without a user name nothing is added
 * and the client connects in PLAINTEXT. Plain kafka-clients settings; nothing OriginBridge-specific.
 */
public final class KafkaCredentials {

    private KafkaCredentials() {
    }

    public static void apply(Settings settings, Properties config) {
        String username = settings.get("kafka-username", null);
        if (username == null) {
            return;
        }
        String password = settings.require("kafka-password");
        config.put("security.protocol", settings.get("kafka-security-protocol", "SASL_PLAINTEXT"));
        config.put("sasl.mechanism", settings.get("kafka-sasl-mechanism", "SCRAM-SHA-512"));
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username="
                + quoted(username) + " password=" + quoted(password) + ";");
    }

    /** A JAAS option value: quoted, with backslash and quote escaped, so a password cannot add options. */
    static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
