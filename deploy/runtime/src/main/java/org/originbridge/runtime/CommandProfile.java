package org.originbridge.runtime;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the embedded MongoDB server spends its time on, per collection, command and filter shape (field names only):
 * the local stack's answer to MongoDB's profiler. A shape whose mean time grows with the collection is a scan
 * (mongo-java-server uses only unique indexes).
 */
public final class CommandProfile {

    /** One line of the profile. */
    public record Line(String key, long count, long nanos) {
        public double meanMillis() {
            return count == 0 ? 0 : nanos / 1e6 / count;
        }
    }

    private record Totals(LongAdder count, LongAdder nanos) {}

    private final Map<String, Totals> byKey = new ConcurrentHashMap<>();

    void record(String database, String collection, String command, Document query, long nanos) {
        String key = database + "." + (collection == null ? "*" : collection) + " " + command + " "
                + SnapshotRepliesBackend.shapeOf(command, query);
        Totals totals = byKey.computeIfAbsent(key, k -> new Totals(new LongAdder(), new LongAdder()));
        totals.count().increment();
        totals.nanos().add(nanos);
    }

    /** The lines with the most time first. */
    public List<Line> top(int limit) {
        return byKey.entrySet().stream()
                .map(e -> new Line(e.getKey(), e.getValue().count().sum(), e.getValue().nanos().sum()))
                .sorted(Comparator.comparingLong(Line::nanos).reversed())
                .limit(limit)
                .toList();
    }

    /** A table of the top lines: total seconds, count, mean milliseconds, key. */
    public String format(int limit) {
        StringBuilder out = new StringBuilder(String.format("%10s %9s %9s  %s%n", "total s", "count", "mean ms",
                "database.collection command filter-fields"));
        for (Line line : top(limit)) {
            out.append(String.format("%10.2f %9d %9.3f  %s%n", line.nanos() / 1e9, line.count(), line.meanMillis(),
                    line.key()));
        }
        return out.toString();
    }
}
