package org.originbridge.runtime;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Health probe for the local broker: exit 0 when a metadata request (describeCluster) answers
 * with at least one broker and a controller, 1 otherwise. Used by {@code bin/originbridge}.
 *
 * <pre>java -cp ... org.originbridge.runtime.KafkaReady 127.0.0.1:9092</pre>
 *
 * Each step waits {@code KAFKA_READY_TIMEOUT_SECONDS} (default 5); on a heavily loaded machine the
 * first metadata answer can take far longer (measured: 19 s at a load average of 23 on 2 cores).
 */
public final class KafkaReady {

    private KafkaReady() {
    }

    public static void main(String[] args) {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
        String configured = System.getenv("KAFKA_READY_TIMEOUT_SECONDS");
        int timeout = configured == null || configured.isBlank() ? 5 : Integer.parseInt(configured.trim());
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(3000, (timeout - 2) * 1000),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Math.max(4000, (timeout - 1) * 1000),
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(KafkaClientSecurity.withEnvironmentCredentials(config))) {
            DescribeClusterResult cluster = admin.describeCluster();
            int brokers = cluster.nodes().get(timeout, TimeUnit.SECONDS).size();
            var controller = cluster.controller().get(timeout, TimeUnit.SECONDS);
            String clusterId = cluster.clusterId().get(timeout, TimeUnit.SECONDS);
            if (brokers == 0 || controller == null || controller.isEmpty()) {
                System.out.println("not ready: brokers=" + brokers + " controller=" + controller);
                System.exit(1);
            }
            System.out.println("ready: cluster " + clusterId + ", " + brokers + " broker(s), controller " + controller.id());
        } catch (Exception e) {
            System.out.println("not ready: " + e);
            System.exit(1);
        }
    }
}
