package org.originbridge.logistics.adapter.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.originbridge.logistics.domain.Watermark;

class FileWatermarkStoreTest {

    @TempDir
    Path dir;

    @Test
    void nothingSavedYetMeansNoWatermark() {
        assertThat(new FileWatermarkStore(dir.resolve("new")).load()).isEmpty();
    }

    @Test
    void aSavedWatermarkSurvivesANewStoreInstance() {
        Watermark watermark = new Watermark(Instant.parse("2026-11-20T02:00:00.123Z"), Set.of("b", "c"));
        new FileWatermarkStore(dir.resolve("state")).save(watermark);

        assertThat(new FileWatermarkStore(dir.resolve("state")).load()).contains(watermark);
        try (var files = Files.list(dir.resolve("state"))) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(FileWatermarkStore.FILE_NAME);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCorruptFileIsReportedNotIgnored() throws Exception {
        Files.writeString(dir.resolve(FileWatermarkStore.FILE_NAME), "eventCreatedDateTime.gte=yesterday\n");
        assertThatThrownBy(() -> new FileWatermarkStore(dir).load()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("corrupt");
    }
}
