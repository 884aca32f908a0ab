package org.originbridge.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module's import rules: a pure domain core; Jackson only in the json and cli packages. */
class PackageRulesTest {
    private static final Path MAIN = Path.of("src/main/java/org/originbridge/origin");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void noFrameworkTypesAnywhere() throws IOException {
        for (Path source : sources()) {
            assertThat(Files.readString(source)).as(source.toString())
                    .doesNotContain("import org.springframework")
                    .doesNotContain("import org.apache.kafka")
                    .doesNotContain("import org.apache.avro")
                    .doesNotContain("import com.mongodb")
                    .doesNotContain("import org.bson");
        }
    }

    @Test
    void jacksonOnlyInJsonAndCli() throws IOException {
        for (Path source : sources()) {
            String pkg = MAIN.relativize(source).getName(0).toString();
            if (!pkg.equals("json") && !pkg.equals("cli")) {
                assertThat(Files.readString(source)).as(source.toString())
                        .doesNotContain("import tools.jackson").doesNotContain("import com.fasterxml");
            }
        }
    }
}
