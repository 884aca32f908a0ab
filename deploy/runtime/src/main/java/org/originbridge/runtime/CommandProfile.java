package org.originbridge.runtime;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Comparator;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the embedded MongoDB server spends its time on, per collection, command and filter shape (field names only):
 * the local stack's answer to MongoDB's profiler. A shape whose mean time grows with the collection is a scan
 * (mongo-java-server uses only unique indexes). It records nothing until {@link #start()}: working out a filter's
 * shape is work no command should pay for while nobody reads the profile.
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
    private volatile boolean recording;

    /** From now on, each command's time is counted. */
    public void start() {
        recording = true;
    }

    boolean recording() {
        return recording;
    }

    void record(String database, String collection, String command, Document query, long nanos) {
        if (!recording) {
            return;
        }
        String key = database + "." + (collection == null ? "*" : collection) + " " + command + " "
                + shapeOf(command, query);
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

    /** The filter's field names, sorted, without values: what decides whether the command scans. */
    static String shapeOf(String command, Document query) {
        Object filter = switch (command) {
            case "find", "count", "distinct" -> query.get(command.equals("find") ? "filter" : "query");
            case "findAndModify", "findandmodify" -> query.get("query");
            case "update", "delete" -> query.get(command + "s") instanceof List<?> l && !l.isEmpty()
                    && l.get(0) instanceof Document first ? first.get("q") : null;
            default -> null;
        };
        SortedSet<String> fields = new TreeSet<>();
        addFields(filter, fields);
        return fields.isEmpty() ? "" : fields.toString();
    }

    /** The field names of a filter, with those under $and / $or / $nor flattened into it. */
    private static void addFields(Object filter, SortedSet<String> fields) {
        if (filter instanceof Document d) {
            d.forEach((key, value) -> {
                if (key.equals("$and") || key.equals("$or") || key.equals("$nor")) {
                    if (value instanceof List<?> parts) {
                        parts.forEach(part -> addFields(part, fields));
                    }
                } else {
                    fields.add(key);
                }
            });
        }
    }
}
