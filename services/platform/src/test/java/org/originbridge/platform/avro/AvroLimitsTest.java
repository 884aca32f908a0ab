package org.originbridge.platform.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Collections;

import org.apache.avro.Schema;
import org.apache.avro.SystemLimitException;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/** The decoder refuses what AvroLimits bounds (this JVM has them from the surefire argLine, like every service). */
class AvroLimitsTest {

    static {
        AvroTrust.trustEventPackages();
    }

    @Test
    void theLimitsAreInForce() {
        AvroLimits.PROPERTIES.forEach((key, value) -> assertThat(System.getProperty(key)).as(key).isEqualTo(value));
    }

    @Test
    void anArrayClaimingMoreItemsThanTheLimitIsRefusedBeforeItIsAllocated() throws Exception {
        Schema schema = new Schema.Parser().parse("{\"type\":\"array\",\"items\":\"null\"}");
        byte[] bytes = encode(schema, Collections.nCopies(AvroLimits.MAX_COLLECTION_ITEMS + 1, null));

        assertThatThrownBy(() -> new GenericDatumReader<>(schema).read(null,
                DecoderFactory.get().binaryDecoder(bytes, null))).isInstanceOf(SystemLimitException.class);
    }

    @Test
    void aStringLongerThanTheLimitIsRefused() throws Exception {
        Schema schema = Schema.create(Schema.Type.STRING);
        byte[] bytes = encode(schema, "x".repeat(AvroLimits.MAX_STRING_LENGTH + 1));

        assertThatThrownBy(() -> new GenericDatumReader<>(schema).read(null,
                DecoderFactory.get().binaryDecoder(bytes, null))).isInstanceOf(SystemLimitException.class);
    }

    @Test
    void valuesWithinTheLimitsDecode() throws Exception {
        Schema schema = Schema.create(Schema.Type.STRING);
        byte[] bytes = encode(schema, "x".repeat(1_000));

        assertThat(new GenericDatumReader<>(schema).read(null, DecoderFactory.get().binaryDecoder(bytes, null))
                .toString()).hasSize(1_000);
    }

    private static byte[] encode(Schema schema, Object value) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<>(schema).write(value, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
