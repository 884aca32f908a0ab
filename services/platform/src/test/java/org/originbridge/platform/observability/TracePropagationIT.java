package org.originbridge.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.originbridge.platform.Topics;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One trace across two Kafka hops on a real broker, with the platform's defaults only: a root span
 * (as an HTTP request would open) sends a record keyed by a declaration id; the first listener
 * publishes onwards; the second listener sees the same trace id. Each hop is its own span, the W3C
 * {@code traceparent} header carries the context, the MDC holds the declaration id while a record
 * is handled, and the platform writes one ECS JSON hop line per record with trace id, declaration
 * id, topic and outcome (what {@code bin/originbridge trace} reads).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.application.name=trace-it",
        "originbridge.kafka.partitions=1",
        "logging.structured.format.console=ecs",
        "spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.StringSerializer",
        "spring.kafka.consumer.properties.spring.deserializer.value.delegate.class=org.apache.kafka.common.serialization.StringDeserializer"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ExtendWith(OutputCaptureExtension.class)
class TracePropagationIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** What a listener saw while handling one record. */
    record Seen(String topic, String key, String traceId, String spanId, String traceparent, String mdcDeclarationId) {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Hop hops(KafkaTemplate<String, Object> template, Tracer tracer) {
            return new Hop(template, tracer);
        }
    }

    /** submitted -> (first listener publishes) accepted -> (second listener) done. */
    static class Hop {
        final List<Seen> seen = new CopyOnWriteArrayList<>();
        private final KafkaTemplate<String, Object> template;
        private final Tracer tracer;

        Hop(KafkaTemplate<String, Object> template, Tracer tracer) {
            this.template = template;
            this.tracer = tracer;
        }

        @KafkaListener(id = "trace-it-first", topics = Topics.DECLARATIONS_SUBMITTED)
        void first(ConsumerRecord<String, String> record) throws Exception {
            remember(record);
            template.send(Topics.DECLARATIONS_ACCEPTED, record.key(), "accepted").get();
        }

        @KafkaListener(id = "trace-it-second", topics = Topics.DECLARATIONS_ACCEPTED)
        void second(ConsumerRecord<String, String> record) {
            remember(record);
        }

        private void remember(ConsumerRecord<String, String> record) {
            Header traceparent = record.headers().lastHeader("traceparent");
            var span = tracer.currentSpan();
            seen.add(new Seen(record.topic(), record.key(), span == null ? null : span.context().traceId(),
                    span == null ? null : span.context().spanId(),
                    traceparent == null ? null : new String(traceparent.value(), StandardCharsets.UTF_8),
                    MDC.get(Hops.DECLARATION_ID)));
        }
    }

    @Autowired
    KafkaTemplate<String, Object> template;
    @Autowired
    ObservationRegistry observations;
    @Autowired
    Tracer tracer;
    @Autowired
    Hop hop;

    @Test
    void theTraceIdSurvivesProducerConsumerProducerConsumer(CapturedOutput output) {
        String declarationId = "DECL-TRACE-" + UUID.randomUUID();
        String[] root = new String[2];
        Observation.createNotStarted("test.intake", observations).observe(() -> {
            root[0] = tracer.currentSpan().context().traceId();
            root[1] = tracer.currentSpan().context().spanId();
            try {
                template.send(Topics.DECLARATIONS_SUBMITTED, declarationId, "submitted").get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(root[0]).hasSize(32).isNotEqualTo("0".repeat(32));

        await().atMost(WAIT).until(() -> ofDeclaration(declarationId).size() == 2);
        List<Seen> seen = ofDeclaration(declarationId);
        Seen first = seen.stream().filter(s -> s.topic().equals(Topics.DECLARATIONS_SUBMITTED)).findFirst().orElseThrow();
        Seen second = seen.stream().filter(s -> s.topic().equals(Topics.DECLARATIONS_ACCEPTED)).findFirst().orElseThrow();

        // one trace: producer -> consumer -> producer -> consumer
        assertThat(first.traceId()).isEqualTo(root[0]);
        assertThat(second.traceId()).isEqualTo(root[0]);
        // each hop its own span, carried as a W3C traceparent header: 00-<trace id>-<parent span id>-<flags>
        assertThat(List.of(root[1], first.spanId(), second.spanId())).doesNotHaveDuplicates();
        assertThat(first.traceparent()).startsWith("00-" + root[0] + "-");
        assertThat(second.traceparent()).startsWith("00-" + root[0] + "-");
        assertThat(second.traceparent()).isNotEqualTo(first.traceparent());
        // the declaration id is in the MDC while each record is handled
        assertThat(first.mdcDeclarationId()).isEqualTo(declarationId);
        assertThat(second.mdcDeclarationId()).isEqualTo(declarationId);
        assertThat(MDC.get(Hops.DECLARATION_ID)).isNull();

        // one structured (ECS JSON) hop line per record, with the trace id and the declaration id
        await().atMost(WAIT).until(() -> hopLines(output, declarationId).size() == 2);
        List<JsonNode> lines = hopLines(output, declarationId);
        assertThat(lines).extracting(line -> line.path(Hops.HOP).asString())
                .containsExactlyInAnyOrder(Topics.DECLARATIONS_SUBMITTED, Topics.DECLARATIONS_ACCEPTED);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("traceId").asString()).isEqualTo(root[0]);
            assertThat(line.path("spanId").asString()).hasSize(16);
            assertThat(line.path(Hops.OUTCOME).asString()).isEqualTo("handled");
            assertThat(line.path("service").path("name").asString() + line.path("service.name").asString())
                    .isEqualTo("trace-it");
        });
    }

    private List<Seen> ofDeclaration(String declarationId) {
        return hop.seen.stream().filter(s -> declarationId.equals(s.key())).toList();
    }

    private static List<JsonNode> hopLines(CapturedOutput output, String declarationId) {
        JsonMapper json = JsonMapper.builder().build();
        return output.getOut().lines().filter(line -> line.startsWith("{") && line.contains(declarationId))
                .map(json::readTree)
                .filter(node -> Hops.LOGGER.equals(node.path("log").path("logger").asString())
                        || Hops.LOGGER.equals(node.path("log.logger").asString()))
                .toList();
    }

}
