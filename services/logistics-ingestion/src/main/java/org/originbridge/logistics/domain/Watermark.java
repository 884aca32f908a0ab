package org.originbridge.logistics.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * How far the port feed has been read: events created at or after {@code createdFrom} are asked
 * for next, and those already handled at exactly that instant ({@code seenAtWatermark}, because
 * the query is {@code >=}) are skipped.
 */
public record Watermark(Instant createdFrom, Set<String> seenAtWatermark) {

    public Watermark {
        Objects.requireNonNull(createdFrom, "createdFrom");
        seenAtWatermark = Set.copyOf(seenAtWatermark);
    }

    public static Watermark startingAt(Instant createdFrom) {
        return new Watermark(createdFrom, Set.of());
    }
}
