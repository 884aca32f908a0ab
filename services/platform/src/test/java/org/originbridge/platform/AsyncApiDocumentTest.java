package org.originbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/api/asyncapi.yaml describes the catalogue as it is: every topic of {@link Topics} (and
 * {@code signing-keys}) is a channel with its key, producers and consumers, an Avro payload whose
 * {@code $ref} is an existing .avsc file of that message's record, and the retention or compaction
 * {@link Topics#configs} gives it; the dead-letter channel's address is {@link Topics#deadLetter}'s naming.
 */
@SuppressWarnings("unchecked")
class AsyncApiDocumentTest {

    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    private static final Path DOCUMENT = REPO.resolve("docs/api/asyncapi.yaml");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> document = load();

    @Test
    void itIsAnAsyncApi3DocumentWithAKafkaServer() {
        assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
        Map<String, Object> servers = map(document, "servers");
        assertThat(servers.values()).allSatisfy(s -> assertThat((String) ((Map<String, Object>) s).get("protocol")).startsWith("kafka"));
    }

    @Test
    void everyCatalogueTopicIsAChannelWithItsRetentionOrCompaction() {
        List<String> topics = new ArrayList<>(Topics.ALL);
        topics.add(Topics.SIGNING_KEYS);
        for (String topic : topics) {
            Map<String, Object> channel = channel(topic);
            Map<String, Object> kafka = map(map(channel, "bindings"), "kafka");
            assertThat(kafka.get("topic")).as(topic).isEqualTo(topic);
            Map<String, Object> configuration = map(kafka, "topicConfiguration");
            boolean compacted = Topics.SIGNING_KEYS.equals(topic) || "compact".equals(Topics.configs(topic).get("cleanup.policy"));
            assertThat((List<String>) configuration.get("cleanup.policy")).as(topic + " cleanup.policy")
                    .containsExactly(compacted ? "compact" : "delete");
            if (!compacted) {
                assertThat(String.valueOf(configuration.get("retention.ms"))).as(topic + " retention.ms")
                        .isEqualTo(Topics.configs(topic).get("retention.ms"));
            }
        }
    }

    @Test
    void everyChannelIsACatalogueTopicOrTheDeadLetterPattern() {
        List<String> known = new ArrayList<>(Topics.ALL);
        known.add(Topics.SIGNING_KEYS);
        for (Object c : map(document, "channels").values()) {
            String address = (String) ((Map<String, Object>) c).get("address");
            if (address.contains("{")) {
                Pattern pattern = Pattern.compile(address.replaceAll("\\{[^}]+}", "[a-z0-9-]+"));
                assertThat(Topics.deadLetter(Topics.DECLARATIONS_SUBMITTED, "declaration-intake")).matches(pattern);
            } else {
                assertThat(known).as("channel " + address + " is in org.originbridge.platform.Topics").contains(address);
            }
        }
    }

    @Test
    void everyTopicMessageIsAnExistingAvroSchemaOfThatRecordWithAStringKey() throws IOException {
        List<String> topics = new ArrayList<>(Topics.ALL);
        topics.add(Topics.SIGNING_KEYS);
        for (String topic : topics) {
            Map<String, Object> messages = map(channel(topic), "messages");
            assertThat(messages).as(topic + " messages").hasSize(1);
            String name = messages.keySet().iterator().next();
            Map<String, Object> message = map(map(document, "components"), "messages").get(name) instanceof Map<?, ?> m
                    ? (Map<String, Object>) m : Map.of();
            assertThat(message).as("components.messages." + name).isNotEmpty();
            Map<String, Object> payload = map(message, "payload");
            assertThat((String) payload.get("schemaFormat")).startsWith("application/vnd.apache.avro");
            String ref = (String) map(payload, "schema").get("$ref");
            Path avsc = DOCUMENT.getParent().resolve(ref).normalize();
            assertThat(avsc).as(topic + " schema " + ref).isRegularFile();
            assertThat(avsc.startsWith(REPO.resolve("schemas/src/main/avro"))).as(ref + " is in schemas/").isTrue();
            JsonNode schema = JSON.readTree(Files.readString(avsc));
            assertThat(schema.path("name").asString()).as(ref + " record name").isEqualTo(name);
            assertThat(schema.path("doc").asString()).as(ref + " names its topic").contains(topic);
            Map<String, Object> kafka = map(map(message, "bindings"), "kafka");
            assertThat(map(kafka, "key").get("type")).isEqualTo("string");
            assertThat((String) map(kafka, "key").get("description")).as(topic + " key").isNotBlank();
            assertThat(kafka.get("schemaIdPayloadEncoding")).isEqualTo("confluent");
        }
    }

    @Test
    void everyTopicHasAProducerAndAConsumer() {
        List<String> topics = new ArrayList<>(Topics.ALL);
        topics.add(Topics.SIGNING_KEYS);
        for (String topic : topics) {
            String channelId = channelId(topic);
            List<String> actions = new ArrayList<>();
            for (Object o : map(document, "operations").values()) {
                Map<String, Object> operation = (Map<String, Object>) o;
                if (("#/channels/" + channelId).equals(map(operation, "channel").get("$ref"))) {
                    actions.add((String) operation.get("action"));
                    assertThat((List<Object>) operation.get("tags")).as("operation on " + topic + " names its application").isNotEmpty();
                }
            }
            assertThat(actions).as(topic + " operations").contains("send", "receive");
        }
    }

    private Map<String, Object> channel(String topic) {
        return map(map(document, "channels"), channelId(topic));
    }

    private String channelId(String topic) {
        return map(document, "channels").entrySet().stream()
                .filter(e -> topic.equals(((Map<String, Object>) e.getValue()).get("address")))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("docs/api/asyncapi.yaml has no channel with address " + topic));
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> load() {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(DOCUMENT));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + DOCUMENT, e);
        }
    }
}
