package org.originbridge.e2e;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.originbridge.testsupport.RealInfrastructure;
import org.originbridge.testsupport.TopicProbe;

/**
 * The pipeline on the in-JVM KRaft broker, the real Apicurio Registry process and the MongoDB wire
 * server: the {@link SharedPipeline} of this test run (the browser tests use the same one).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPipeline.Extension.class)
class PipelineIT extends PipelineScenario {

    private static ServiceStack stack;

    @BeforeAll
    static void startEverything() {
        stack = SharedPipeline.get().stack();
    }

    /**
     * Runs last, after the scenario's traffic (including a dead letter): every metric named by the
     * Grafana dashboards and the Prometheus alert rules in deploy/ is exported by the running services.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void everyDashboardAndAlertMetricIsExportedByTheServices() {
        // Micrometer binds Kafka client metrics created after start-up (per-partition lag, per
        // topic) on its periodic refresh (every 60 s): scrape again until they are there.
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(5))
                .untilAsserted(() -> MonitoringContract.assertExported(MonitoringContract.scrape(stack)));
    }

    @Override
    ServiceStack stack() {
        return stack;
    }

    @Override
    KafkaAccess kafka() {
        return new KafkaAccess() {
            @Override
            public void sendRaw(String topic, String key, byte[] value) {
                TopicProbe.sendRaw(topic, key, value);
            }

            @Override
            public ConsumerRecord<String, byte[]> awaitRaw(String topic, Predicate<ConsumerRecord<String, byte[]>> match,
                    Duration timeout) {
                return TopicProbe.awaitRawRecord(topic, match, timeout);
            }

            @Override
            public List<ConsumerRecord<String, byte[]>> rawUpToEnd(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
                return KafkaAccess.readRawUpToEnd(RealInfrastructure.bootstrapServers(), topic, match);
            }
        };
    }

    @Override
    String confluentCompatibleUrl() {
        return RealInfrastructure.confluentCompatibleUrl();
    }
}
