package org.originbridge.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * What a third party does with nothing but kafka-clients, Avro and Confluent's wire format:
 * register (or look up) a schema under {@code <topic>-value} through the registry's
 * Confluent-compatible API, then write {@code 0x00 + 4-byte schema id + Avro binary}; and read
 * such bytes back by looking the id up. Deliberately free of Apicurio and Spring classes.
 */
public final class ConfluentWire {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final String ccompatUrl;
    private final java.util.function.Supplier<String> bearerToken;
    private final HttpClient http = HttpClient.newHttpClient();

    /** @param ccompatUrl e.g. http://127.0.0.1:8081/apis/ccompat/v7 (an anonymous registry) */
    public ConfluentWire(String ccompatUrl) {
        this(ccompatUrl, () -> null);
    }

    /**
     * @param bearerToken the access token sent as {@code Authorization: Bearer} on every registry call (the local
     *                    stack's registry requires one: {@link RegistryToken}); null = anonymous
     */
    public ConfluentWire(String ccompatUrl, java.util.function.Supplier<String> bearerToken) {
        this.ccompatUrl = ccompatUrl;
        this.bearerToken = bearerToken;
    }

    /** Registers the schema under {@code <topic>-value}; returns its id (idempotent). */
    public int register(String topic, Schema schema) {
        String body = "{\"schema\":" + jsonString(schema.toString()) + "}";
        String response = send(HttpRequest.newBuilder(URI.create(ccompatUrl + "/subjects/" + topic + "-value/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        Matcher m = ID.matcher(response);
        if (!m.find()) {
            throw new IllegalStateException("registry answered without an id: " + response);
        }
        return Integer.parseInt(m.group(1));
    }

    /** Confluent wire bytes of a record. */
    public byte[] encode(int schemaId, GenericRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0);
            out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads Confluent wire bytes, fetching the writer schema by id from the registry once per id (an id always names
     * the same schema): the load benchmark decodes every issuance status, and one registry call per record made the
     * registry the benchmark's own load (77 CPU-seconds in a 7-minute run, issue 11).
     */
    public GenericRecord decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (buffer.get() != 0) {
            throw new IllegalArgumentException("not Confluent wire format: magic byte is not 0");
        }
        int id = buffer.getInt();
        Schema writer = writers.computeIfAbsent(id, this::fetchSchema);
        try {
            return new GenericDatumReader<GenericRecord>(writer).read(null,
                    DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final java.util.Map<Integer, Schema> writers = new java.util.concurrent.ConcurrentHashMap<>();

    private Schema fetchSchema(int id) {
        String response = send(HttpRequest.newBuilder(URI.create(ccompatUrl + "/schemas/ids/" + id)).GET().build());
        return new Schema.Parser().parse(stringField(response, "schema"));
    }

    private String send(HttpRequest unauthenticated) {
        String token = bearerToken.get();
        HttpRequest request = token == null ? unauthenticated
                : HttpRequest.newBuilder(unauthenticated, (name, value) -> true).header("Authorization", "Bearer " + token).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** The value of a top-level JSON string field, unescaped (enough for the registry's small answers). */
    private static String stringField(String json, String name) {
        int key = json.indexOf("\"" + name + "\"");
        int open = key < 0 ? -1 : json.indexOf('"', json.indexOf(':', key) + 1);
        if (open < 0) {
            throw new IllegalStateException("registry answered without " + name + ": " + json);
        }
        StringBuilder out = new StringBuilder();
        for (int i = open + 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\' && i + 1 < json.length()) {
                char n = json.charAt(++i);
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(n);
                }
            } else {
                out.append(c);
            }
        }
        throw new IllegalStateException("unterminated string " + name + " in: " + json);
    }
}
