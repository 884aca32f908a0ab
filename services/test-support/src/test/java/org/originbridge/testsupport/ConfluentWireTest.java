package org.originbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class ConfluentWireTest {

    @Test
    void decodingManyRecordsOfOneSchemaAsksTheRegistryOnce() throws Exception {
        Schema schema = SchemaBuilder.record("Status").fields().requiredString("status").endRecord();
        AtomicInteger lookups = new AtomicInteger();
        HttpServer registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/apis/ccompat/v7/schemas/ids/7", exchange -> {
            lookups.incrementAndGet();
            String escaped = schema.toString().replace("\\", "\\\\").replace("\"", "\\\"");
            byte[] body = ("{\"schema\":\"" + escaped + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        registry.start();
        try {
            ConfluentWire wire = new ConfluentWire("http://127.0.0.1:" + registry.getAddress().getPort() + "/apis/ccompat/v7");
            for (String status : new String[] {"SUBMITTED", "UNDER_REVIEW", "ISSUED"}) {
                GenericRecord record = new GenericData.Record(schema);
                record.put("status", status);
                assertThat(wire.decode(wire.encode(7, record)).get("status")).hasToString(status);
            }
            assertThat(lookups).hasValue(1);
        } finally {
            registry.stop(0);
        }
    }
}
