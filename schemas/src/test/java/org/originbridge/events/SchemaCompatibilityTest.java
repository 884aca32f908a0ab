package org.originbridge.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The build's schema-evolution gate: every record schema must be BACKWARD compatible with its
 * previous release in {@code src/released/<full name>.avsc}, i.e. a consumer on the new schema
 * reads every record written with the released one.
 *
 * <p>Releasing a schema version = copying the current schema over the released file:
 * {@code ./mvnw -pl schemas test -Dschemas.release=true} writes the current schemas there.
 */
class SchemaCompatibilityTest {

    private static final Path RELEASED = Path.of("src/released");
    private static final Path CLASSES = Path.of("target/classes");

    @TestFactory
    Stream<DynamicTest> everySchemaIsBackwardCompatibleWithItsRelease() {
        List<Schema> current = generatedRecordSchemas();
        assertThat(current).as("generated record schemas").hasSizeGreaterThan(20);
        boolean release = Boolean.getBoolean("schemas.release");
        return current.stream().map(schema -> DynamicTest.dynamicTest(schema.getFullName(), () -> {
            Path file = RELEASED.resolve(schema.getFullName() + ".avsc");
            if (release) {
                Files.writeString(file, schema.toString(true) + "\n");
            }
            assertThat(file).as("released schema for %s (run with -Dschemas.release=true to release)",
                    schema.getFullName()).exists();
            Schema released = new Schema.Parser().parse(file.toFile());
            var result = SchemaCompatibility.checkReaderWriterCompatibility(schema, released);
            assertThat(result.getType())
                    .as("%s must read data written with its released schema: %s",
                            schema.getFullName(), result.getResult().getIncompatibilities())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }));
    }

    @Test
    void theGateRejectsARequiredFieldAddedWithoutDefault() {
        Schema released = org.originbridge.events.scoring.ScoreFactor.getClassSchema();
        String broken = released.toString().replace("\"fields\":[",
                "\"fields\":[{\"name\":\"addedWithoutDefault\",\"type\":\"string\"},");
        Schema next = new Schema.Parser().parse(broken);

        var result = SchemaCompatibility.checkReaderWriterCompatibility(next, released);

        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void theGateAcceptsAnOptionalFieldWithDefault() {
        Schema released = org.originbridge.events.scoring.ScoreFactor.getClassSchema();
        String evolved = released.toString().replace("\"fields\":[",
                "\"fields\":[{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null},");
        Schema next = new Schema.Parser().parse(evolved);

        var result = SchemaCompatibility.checkReaderWriterCompatibility(next, released);

        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    private static List<Schema> generatedRecordSchemas() {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            return files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$"))
                    .map(p -> CLASSES.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(SchemaCompatibilityTest::load)
                    .filter(SpecificRecordBase.class::isAssignableFrom)
                    .map(c -> {
                        try {
                            return (Schema) c.getMethod("getClassSchema").invoke(null);
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .sorted((a, b) -> a.getFullName().compareTo(b.getFullName()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
