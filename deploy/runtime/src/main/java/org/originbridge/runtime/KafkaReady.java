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
 */
public final class KafkaReady {

    private KafkaReady() {
    }

    public static void main(String[] args) {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(config)) {
            DescribeClusterResult cluster = admin.describeCluster();
            int brokers = cluster.nodes().get(5, TimeUnit.SECONDS).size();
            var controller = cluster.controller().get(5, TimeUnit.SECONDS);
            String clusterId = cluster.clusterId().get(5, TimeUnit.SECONDS);
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
