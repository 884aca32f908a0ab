package org.originbridge.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.originbridge.events.intake.DeclarationSubmitted;

/**
 * Avro binary encode and decode of a full {@code DeclarationSubmitted} (5 goods items, each with a
 * 20-material bill of materials) with the generated classes, as a serializer/deserializer does (the
 * 5-byte Confluent header is not included). The record size is printed at set-up and is
 * {@link #encodedSize()}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.originbridge.events"})
public class AvroCodecBenchmark {

    public static final int GOODS_ITEMS = 5;
    public static final int MATERIALS_PER_ITEM = 20;

    private final SpecificDatumWriter<DeclarationSubmitted> writer = new SpecificDatumWriter<>(DeclarationSubmitted.class);
    private final SpecificDatumReader<DeclarationSubmitted> reader = new SpecificDatumReader<>(DeclarationSubmitted.class);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;
    private DeclarationSubmitted record;
    private byte[] encoded;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        record = Fixtures.declarationSubmitted("BENCH-AVRO-0001", GOODS_ITEMS, MATERIALS_PER_ITEM,
                LocalDate.now(ZoneOffset.UTC), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        encoded = encode().clone();
        System.out.printf("%n[avro] DeclarationSubmitted with %d goods items x %d materials: %d bytes Avro binary"
                + " (%d on the wire with the Confluent header)%n", GOODS_ITEMS, MATERIALS_PER_ITEM, encoded.length, encoded.length + 5);
    }

    /** Serialises the record into a reused buffer; answers the buffer's bytes (a copy, as a serializer returns). */
    @Benchmark
    public byte[] encode() throws IOException {
        out.reset();
        encoder = EncoderFactory.get().binaryEncoder(out, encoder);
        writer.write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** Deserialises into a new record (no object reuse, as a deserializer does). */
    @Benchmark
    public DeclarationSubmitted decode() throws IOException {
        decoder = DecoderFactory.get().binaryDecoder(encoded, decoder);
        return reader.read(null, decoder);
    }

    public int encodedSize() {
        return encoded.length;
    }

    public DeclarationSubmitted record() {
        return record;
    }
}
