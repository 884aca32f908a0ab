package org.originbridge.intake.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.junit.jupiter.api.Test;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.intake.Declarations;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The reader takes field names, types, nullability and decimal scales from the schema alone. */
class AvroSchemaJsonReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AvroSchemaJsonReader.Contract PLAIN = new AvroSchemaJsonReader.Contract() {
        @Override
        public Set<String> ignored() {
            return Set.of("submittedAt");
        }

        @Override
        public int maxItems(Schema elementType) {
            return 100;
        }

        @Override
        public Object absent(Schema.Field field, String path, int index, AvroSchemaJsonReader.Problems problems) {
            return path.equals("declarationId") ? "GENERATED" : null;
        }
    };

    /** {@code DeclarationSubmitted}'s schema with two more fields, as the next version of the .avsc would have them. */
    private static Schema withExtraFields() {
        String schema = DeclarationSubmitted.getClassSchema().toString()
                .replaceFirst("\"name\":\"DeclarationSubmitted\",\"namespace\":\"org.originbridge.events.intake\"",
                        "\"name\":\"DeclarationSubmittedNext\",\"namespace\":\"org.originbridge.test\"")
                .replaceFirst("\"fields\":\\[", "\"fields\":[{\"name\":\"incoterm\",\"type\":[\"null\",\"string\"],"
                        + "\"default\":null},{\"name\":\"insuredValue\",\"type\":[\"null\",{\"type\":\"bytes\","
                        + "\"logicalType\":\"decimal\",\"precision\":18,\"scale\":2}],\"default\":null},");
        return new Schema.Parser().parse(schema);
    }

    private static JsonNode declarationWith(Map<String, Object> extra) {
        Map<String, Object> body = Declarations.jsonTree(Declarations.certificateOfOrigin().build());
        body.putAll(extra);
        return JSON.valueToTree(body);
    }

    @Test
    void aFieldAddedToTheSchemaIsReadWithNoOtherChange() {
        AvroSchemaJsonReader.Problems problems = new AvroSchemaJsonReader.Problems();

        IndexedRecord read = new AvroSchemaJsonReader(PLAIN).read(
                declarationWith(Map.of("incoterm", "FOB", "insuredValue", "12.5")), withExtraFields(), problems);

        assertThat(problems.list).isEmpty();
        GenericRecord record = (GenericRecord) read;
        assertThat(record.get("incoterm")).isEqualTo("FOB");
        assertThat(record.get("insuredValue")).isEqualTo(new BigDecimal("12.50"));
        assertThat(record.get("referenceNumber")).isEqualTo("RCEP-CN-2026-000101");
    }

    @Test
    void theSameFieldIsUnknownToTheReleasedSchemaAndItsTypeIsTheSchemas() {
        AvroSchemaJsonReader.Problems today = new AvroSchemaJsonReader.Problems();
        new AvroSchemaJsonReader(PLAIN).read(declarationWith(Map.of("incoterm", "FOB")),
                DeclarationSubmitted.getClassSchema(), today);
        assertThat(today.list).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("incoterm", ErrorCodes.UNKNOWN_FIELD));

        AvroSchemaJsonReader.Problems wrongType = new AvroSchemaJsonReader.Problems();
        new AvroSchemaJsonReader(PLAIN).read(declarationWith(Map.of("incoterm", 7, "insuredValue", "1.001")),
                withExtraFields(), wrongType);
        assertThat(wrongType.list).extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("incoterm", ErrorCodes.INVALID_FORMAT),
                org.assertj.core.groups.Tuple.tuple("insuredValue", ErrorCodes.INVALID_AMOUNT));
    }

    @Test
    void hostileValuesInAnAddedFieldAreRefusedWithoutEchoingThem() {
        AvroSchemaJsonReader.Problems problems = new AvroSchemaJsonReader.Problems();
        new AvroSchemaJsonReader(PLAIN).read(declarationWith(Map.of("insuredValue", "1e999999999",
                "incoterm", "x".repeat(5_000))), withExtraFields(), problems);
        assertThat(problems.list).extracting(FieldError::field).containsExactlyInAnyOrder("insuredValue", "incoterm");
        assertThat(problems.list).allSatisfy(e -> assertThat(e.message()).doesNotContain("xxxxxxxxxx").hasSizeLessThan(300));
    }
}
