package org.originbridge.examples.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema registry through its Confluent-compatible API (Apicurio serves it at
 * {@code /apis/ccompat/v7}; a Confluent Schema Registry URL works the same), and Confluent's wire
 * format: {@code 0x00}, the 4-byte big-endian schema id, then the Avro binary body.
 * Subjects are {@code <topic>-value}. Where the registry requires authentication (the local stack's
 * does), every call carries {@code Authorization: Bearer} with the token from {@link RegistryToken}.
 */
public final class SchemaRegistry {

    /** A schema and the id the registry gave it. */
    public record Registered(int id, Schema schema) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Integer, Schema> byId = new ConcurrentHashMap<>();
    private final Supplier<String> bearerToken;

    /** @param url e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}; calls it anonymously */
    public SchemaRegistry(String url) {
        this(url, () -> null);
    }

    /**
     * @param url e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}
     * @param bearerToken the access token each call carries ({@code null}: none)
     */
    public SchemaRegistry(String url, Supplier<String> bearerToken) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.bearerToken = bearerToken;
    }

    /** The newest schema of a topic's values: what a producer writes with. */
    public Registered latest(String topic) {
        JsonNode answer = get(url + "/subjects/" + topic + "-value/versions/latest");
        return new Registered(answer.path("id").asInt(), new Schema.Parser().parse(answer.path("schema").asString()));
    }

    /** The writer's schema of a record, by the id in its first five bytes (cached: ids never change). */
    public Schema byId(int id) {
        return byId.computeIfAbsent(id, i -> new Schema.Parser().parse(get(url + "/schemas/ids/" + i).path("schema").asString()));
    }

    public static byte[] encode(Registered schema, GenericRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0);
            out.write(ByteBuffer.allocate(4).putInt(schema.id()).array());
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(schema.schema()).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public GenericRecord decode(byte[] bytes) {
        if (bytes == null || bytes.length < 5 || bytes[0] != 0) {
            throw new IllegalArgumentException("not Confluent wire format (magic byte 0 + 4-byte schema id)");
        }
        Schema writer = byId(ByteBuffer.wrap(bytes, 1, 4).getInt());
        try {
            return new GenericDatumReader<GenericRecord>(writer)
                    .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode get(String uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/vnd.schemaregistry.v1+json, application/json");
        String token = bearerToken.get();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
