package org.originbridge.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Publishes sample declarations (JSON shaped like the {@code DeclarationSubmitted} Avro schema)
 * onto {@code coo-declarations-submitted} the way an external producer would: the schema is read
 * from the {@code .avsc} files at run time (no generated classes), registered through the
 * registry's Confluent-compatible API, and each value is written in Confluent's wire format
 * ({@code 0x00}, 4-byte schema id, Avro binary). Key = declarationId.
 *
 * <p>JSON conventions: field names as in the schema, decimals as strings ("1250.00"),
 * {@code timestamp-millis} as ISO-8601 instants, {@code date} as yyyy-MM-dd, optional fields may
 * be omitted. A missing {@code submittedAt} is set to now.
 *
 * <pre>java -cp ... org.originbridge.runtime.DemoProducer --schemas schemas/src/main/avro
 *     [--bootstrap 127.0.0.1:9092] [--registry http://127.0.0.1:8081] [--topic coo-declarations-submitted] FILE.json...</pre>
 */
public final class DemoProducer {

    static final String RECORD_NAME = "org.originbridge.events.intake.DeclarationSubmitted";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    private DemoProducer() {
    }

    public static void main(String[] args) throws Exception {
        Path schemas = Path.of("schemas/src/main/avro");
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        String registry = "http://127.0.0.1:" + System.getenv().getOrDefault("REGISTRY_PORT", "8081");
        String topic = "coo-declarations-submitted";
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--schemas" -> schemas = Path.of(args[++i]);
                case "--bootstrap" -> bootstrap = args[++i];
                case "--registry" -> registry = args[++i];
                case "--topic" -> topic = args[++i];
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: DemoProducer [--schemas DIR] [--bootstrap HOST:PORT] [--registry URL] [--topic T] FILE.json...");
            System.exit(2);
        }

        Schema schema = parseSchemas(schemas).get(RECORD_NAME);
        if (schema == null) {
            throw new IllegalStateException(RECORD_NAME + " not found under " + schemas);
        }
        int schemaId = register(registry, topic + "-value", schema);
        System.out.printf("schema %s registered as subject %s-value, id %d%n", schema.getName(), topic, schemaId);

        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "originbridge-demo-producer");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClientSecurity.withEnvironmentCredentials(config), new StringSerializer(), new ByteArraySerializer())) {
            for (Path file : files) {
                GenericRecord value = toRecord(JSON.readTree(file.toFile()), schema);
                String key = value.get("declarationId").toString();
                RecordMetadata sent = producer.send(new ProducerRecord<>(topic, key, confluentWireFormat(schemaId, value))).get();
                System.out.printf("published %s to %s-%d@%d%n", key, sent.topic(), sent.partition(), sent.offset());
            }
        }
    }

    /** Parses every .avsc under dir, retrying files whose referenced types are not parsed yet. */
    static Map<String, Schema> parseSchemas(Path dir) throws IOException {
        List<Path> pending;
        try (Stream<Path> walk = Files.walk(dir)) {
            pending = walk.filter(p -> p.toString().endsWith(".avsc")).sorted().collect(ArrayList::new, List::add, List::addAll);
        }
        Map<String, Schema> known = new LinkedHashMap<>();
        while (!pending.isEmpty()) {
            List<Path> failed = new ArrayList<>();
            AvroRuntimeException last = null;
            for (Path file : pending) {
                Schema.Parser parser = new Schema.Parser();
                parser.addTypes(known.values());
                try {
                    parser.parse(file.toFile());
                    known.putAll(parser.getTypes());
                } catch (AvroRuntimeException e) { // AvroTypeException: a referenced type is not parsed yet
                    failed.add(file);
                    last = e;
                }
            }
            if (failed.size() == pending.size()) {
                throw new IllegalStateException("cannot parse " + failed + ": " + last.getMessage(), last);
            }
            pending = failed;
        }
        return known;
    }

    /**
     * POST /apis/ccompat/v7/subjects/{subject}/versions; answers the (content) id. The registry of the
     * local stack requires a bearer token: {@code ORIGINBRIDGE_REGISTRY_TOKEN} (bin/originbridge demo puts
     * the operator's there, never on the command line); without it the call is anonymous.
     */
    static int register(String registryBase, String subject, Schema schema) throws IOException, InterruptedException {
        return register(registryBase, subject, schema, System.getenv("ORIGINBRIDGE_REGISTRY_TOKEN"));
    }

    static int register(String registryBase, String subject, Schema schema, String bearerToken)
            throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("schema", schema.toString(), "schemaType", "AVRO"));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(registryBase + "/apis/ccompat/v7/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json");
        if (bearerToken != null && !bearerToken.isBlank()) {
            builder.header("Authorization", "Bearer " + bearerToken.strip());
        }
        HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("registry answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asInt();
    }

    static byte[] confluentWireFormat(int schemaId, GenericRecord value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(value.getSchema()).write(value, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    static GenericRecord toRecord(JsonNode json, Schema schema) {
        if (!json.has("submittedAt") && schema.getField("submittedAt") != null) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("submittedAt", Instant.now().toString());
        }
        return (GenericRecord) convert(json, schema, schema.getName());
    }

    private static Object convert(JsonNode json, Schema schema, String path) {
        LogicalType logical = schema.getLogicalType();
        switch (schema.getType()) {
            case RECORD -> {
                if (!json.isObject()) {
                    throw bad(path, "an object");
                }
                GenericRecordBuilder builder = new GenericRecordBuilder(schema);
                for (Schema.Field field : schema.getFields()) {
                    JsonNode node = json.get(field.name());
                    if (node != null) {
                        builder.set(field, convert(node, field.schema(), path + "." + field.name()));
                    }
                }
                json.fieldNames().forEachRemaining(name -> {
                    if (schema.getField(name) == null) {
                        throw bad(path + "." + name, "a field of " + schema.getFullName());
                    }
                });
                return builder.build();
            }
            case UNION -> {
                if (json.isNull()) {
                    return null;
                }
                Schema nonNull = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow();
                return convert(json, nonNull, path);
            }
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < json.size(); i++) {
                    items.add(convert(json.get(i), schema.getElementType(), path + "[" + i + "]"));
                }
                return new GenericData.Array<>(schema, items);
            }
            case ENUM -> {
                return new GenericData.EnumSymbol(schema, json.asText());
            }
            case STRING -> {
                return json.asText();
            }
            case BOOLEAN -> {
                return json.asBoolean();
            }
            case INT -> {
                if (logical instanceof LogicalTypes.Date) {
                    return (int) LocalDate.parse(json.asText()).toEpochDay();
                }
                return json.asInt();
            }
            case LONG -> {
                if (logical instanceof LogicalTypes.TimestampMillis) {
                    return Instant.parse(json.asText()).toEpochMilli();
                }
                return json.asLong();
            }
            case DOUBLE -> {
                return json.asDouble();
            }
            case BYTES -> {
                if (logical instanceof LogicalTypes.Decimal decimal) {
                    BigDecimal value = new BigDecimal(json.asText());
                    if (value.scale() > decimal.getScale()) {
                        throw bad(path, "at most " + decimal.getScale() + " decimals");
                    }
                    return DECIMALS.toBytes(value.setScale(decimal.getScale()), schema, decimal);
                }
                throw bad(path, "a decimal");
            }
            default -> throw bad(path, "a supported type, not " + schema.getType());
        }
    }

    private static IllegalArgumentException bad(String path, String expected) {
        return new IllegalArgumentException(path + ": expected " + expected);
    }
}
