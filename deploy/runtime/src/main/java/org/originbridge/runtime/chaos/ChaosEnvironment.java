package org.originbridge.runtime.chaos;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the chaos stack is: the repository root, the chaos data directory and the ports, all from
 * the environment {@code bin/originbridge chaos} sets (the same variable names as docs/local-runtime.md).
 */
record ChaosEnvironment(Path root, Path data, Map<String, String> env) {

    static ChaosEnvironment fromProcess(Path root, Path data) {
        return new ChaosEnvironment(root, data, System.getenv());
    }

    int port(String component) {
        String variable = switch (component) {
            case "kafka" -> "KAFKA_PORT";
            case "registry" -> "REGISTRY_PORT";
            case "auth-server" -> "AUTH_PORT";
            case "sandbox" -> "SANDBOX_PORT";
            case "declaration-intake" -> "INTAKE_PORT";
            case "asw-verification" -> "ASW_VERIFICATION_PORT";
            case "ccpit-sync" -> "CCPIT_SYNC_PORT";
            case "logistics-ingestion" -> "LOGISTICS_PORT";
            case "compliance-scoring" -> "SCORING_PORT";
            case "status-query" -> "STATUS_QUERY_PORT";
            default -> throw new IllegalArgumentException("no port for " + component);
        };
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set: run the suite through bin/originbridge chaos");
        }
        return Integer.parseInt(value.trim());
    }

    String url(String component, String path) {
        return "http://127.0.0.1:" + port(component) + path;
    }

    String bootstrap() {
        return "127.0.0.1:" + port("kafka");
    }

    Path authClientsFile() {
        return data.resolve("auth").resolve("clients.json");
    }

    Path pidFile(String component) {
        return data.resolve("run").resolve(component + ".pid");
    }

    Path script() {
        return root.resolve("bin").resolve("originbridge");
    }

    String sandboxOperatorToken() {
        String token = env.get("SANDBOX_OPERATOR_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("SANDBOX_OPERATOR_TOKEN is not set (bin/originbridge generates it into secrets.env)");
        }
        return token;
    }
}
