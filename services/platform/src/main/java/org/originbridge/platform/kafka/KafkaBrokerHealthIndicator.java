package org.originbridge.platform.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP when the Kafka cluster answers a {@code describeCluster} within a short timeout (cluster id,
 * controller and broker count in the details), DOWN otherwise. One admin client per service,
 * created on the first check with the application's {@code spring.kafka.*} admin settings and
 * bounded request and API timeouts, so a dead broker makes health DOWN in about that time instead of hanging.
 */
final class KafkaBrokerHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final Map<String, Object> adminConfig;
    private final Duration timeout;
    private Admin admin;

    KafkaBrokerHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
        super("Kafka health check failed");
        this.adminConfig = Map.copyOf(adminConfig);
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        long millis = timeout.toMillis();
        DescribeClusterResult cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) millis));
        String clusterId = cluster.clusterId().get(millis, TimeUnit.MILLISECONDS);
        int brokers = cluster.nodes().get(millis, TimeUnit.MILLISECONDS).size();
        var controller = cluster.controller().get(millis, TimeUnit.MILLISECONDS);
        builder.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers)
                .withDetail("controller", controller == null ? "none" : controller.idString());
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new java.util.HashMap<>(adminConfig);
            int millis = (int) timeout.toMillis();
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
            config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "originbridge-health");
            admin = Admin.create(config);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
