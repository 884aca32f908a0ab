package org.originbridge.logistics.adapter.file;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.originbridge.logistics.config.LogisticsProperties;
import org.originbridge.logistics.domain.Watermark;
import org.originbridge.logistics.domain.WatermarkStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The watermark as a small properties file ({@code port-feed-watermark.properties}) in a
 * configured directory, replaced atomically (write a temporary file, then rename) so a crash
 * leaves either the old or the new watermark, never half of one.
 */
@Component
@ConditionalOnProperty(name = "originbridge.logistics.poll.enabled", havingValue = "true", matchIfMissing = true)
public class FileWatermarkStore implements WatermarkStore {

    static final String FILE_NAME = "port-feed-watermark.properties";
    private static final String CREATED_FROM = "eventCreatedDateTime.gte";
    private static final String SEEN = "seenEventIds";

    private final Path file;

    public FileWatermarkStore(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    /** In {@code originbridge.logistics.poll.state-directory}. */
    @Autowired
    public FileWatermarkStore(LogisticsProperties properties) {
        this(properties.poll().stateDirectory());
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<Watermark> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the port feed watermark " + file, e);
        }
        try {
            Instant from = Instant.parse(p.getProperty(CREATED_FROM, ""));
            Set<String> seen = Arrays.stream(p.getProperty(SEEN, "").split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
            return Optional.of(new Watermark(from, seen));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("the port feed watermark " + file + " is corrupt (" + CREATED_FROM
                    + "); fix or delete it to restart from the configured look-back", e);
        }
    }

    @Override
    public void save(Watermark watermark) {
        Properties p = new Properties();
        p.setProperty(CREATED_FROM, watermark.createdFrom().toString());
        p.setProperty(SEEN, watermark.seenAtWatermark().stream().sorted().collect(Collectors.joining(",")));
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "logistics-ingestion: DCSA port feed read up to here");
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the port feed watermark " + file, e);
        }
    }
}
