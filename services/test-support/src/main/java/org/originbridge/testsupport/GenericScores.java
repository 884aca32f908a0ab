package org.originbridge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * A supplier's compliance score as a schema-only (generic) Avro record, read from the contract's {@code .avsc} files
 * rather than the generated class: what a client outside the project (the example procurement consumer, a partner
 * with only the contract) writes and reads. The secured-broker ITs (test-support's {@code KafkaAccessIT}, the
 * end-to-end {@code RegistryAuthenticationIT}) produce it with a service's own credentials; for a generated record use
 * {@link AvroBuilders#supplierComplianceScore}.
 */
public final class GenericScores {

    private GenericScores() {
    }

    /** {@code SupplierComplianceScore} as schemas/src/main/avro/scoring defines it (read from a module under services/). */
    public static Schema schema() {
        try {
            Path dir = Path.of("../../schemas/src/main/avro/scoring");
            Schema.Parser parser = new Schema.Parser();
            parser.parse(Files.readString(dir.resolve("ScoreFactor.avsc")));
            return parser.parse(Files.readString(dir.resolve("SupplierComplianceScore.avsc")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Score 87 at version 1, one ASW factor, valid for a day; every other field at its default; {@code source} as given. */
    public static GenericRecord score(Schema schema, String supplier, String source) {
        GenericData.Record record = withDefaults(schema);
        record.put("supplierId", supplier);
        record.put("score", 87);
        record.put("version", 1L);
        record.put("asOf", Instant.now().toEpochMilli());
        record.put("validUntil", Instant.now().plusSeconds(86_400).toEpochMilli());
        record.put("source", source);
        GenericData.Record factor = withDefaults(schema.getField("factors").schema().getElementType());
        factor.put("code", "ASW");
        factor.put("name", "ASW_VERIFIED");
        factor.put("weight", 100);
        factor.put("value", 87);
        factor.put("explanation", "verified");
        record.put("factors", List.of(factor));
        return record;
    }

    private static GenericData.Record withDefaults(Schema schema) {
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            if (field.hasDefaultValue()) {
                record.put(field.name(), GenericData.get().getDefaultValue(field));
            }
        }
        return record;
    }
}
