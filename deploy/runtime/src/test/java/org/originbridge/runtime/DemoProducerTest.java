package org.originbridge.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoProducerTest {

    private static final Path SCHEMAS = Path.of("../../schemas/src/main/avro");
    private static final Path SAMPLES = Path.of("../demo/declarations");

    @Test
    void everySampleDeclarationMapsToTheSchemaAndRoundTripsInConfluentWireFormat() throws IOException {
        Schema schema = DemoProducer.parseSchemas(SCHEMAS).get(DemoProducer.RECORD_NAME);
        List<Path> samples;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            samples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(samples).isNotEmpty();

        for (Path sample : samples) {
            // Given a sample declaration as JSON
            GenericRecord record = DemoProducer.toRecord(new ObjectMapper().readTree(sample.toFile()), schema);

            // When it is written in Confluent's wire format with schema id 7
            byte[] bytes = DemoProducer.confluentWireFormat(7, record);

            // Then magic byte and id lead, and the Avro body decodes to the same record
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            assertThat(buffer.get()).isZero();
            assertThat(buffer.getInt()).isEqualTo(7);
            GenericRecord decoded = new GenericDatumReader<GenericRecord>(schema).read(null,
                    DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
            assertThat(decoded.get("declarationId").toString()).isEqualTo(record.get("declarationId").toString());
            assertThat(decoded).isEqualTo(record);
        }
    }

    @Test
    void aDecimalWithMoreDigitsThanTheSchemaAllowsIsRefusedNotRounded() throws IOException {
        Schema schema = DemoProducer.parseSchemas(SCHEMAS).get(DemoProducer.RECORD_NAME);
        var json = new ObjectMapper().readTree("""
                {"declarationId": "X", "supplierId": "S", "goods": [{"itemNumber": 1, "quantity": "1.0001"}]}""");

        assertThatThrownBy(() -> DemoProducer.toRecord(json, schema))
                .hasMessageContaining("goods[0].quantity");
    }
}
