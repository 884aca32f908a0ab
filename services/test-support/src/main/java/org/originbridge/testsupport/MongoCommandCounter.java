package org.originbridge.testsupport;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * A driver client on the embedded Mongo wire server that counts the commands it sends, by name, and their size (the
 * command's JSON length): how a "cost per event" test shows, independent of the machine's load, that a write costs the
 * same commands however much a document already holds. Close it after the test class.
 */
public final class MongoCommandCounter implements AutoCloseable {

    /** What one piece of work sent: commands by name and their total size in characters of JSON. */
    public record Count(Map<String, Integer> commands, long bytes) {
    }

    private final Map<String, Integer> commands = new TreeMap<>();
    private long bytes;
    private final MongoClient client;

    public MongoCommandCounter() {
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                synchronized (commands) {
                    commands.merge(event.getCommandName(), 1, Integer::sum);
                    bytes += event.getCommand().toBsonDocument().toJson().length();
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(EmbeddedMongo.connectionString()))
                .addCommandListener(listener).build());
    }

    /** A database of its own ({@code <prefix>-<random>}) whose commands are counted. */
    public MongoDatabase freshDatabase(String prefix) {
        return client.getDatabase(prefix + "-" + UUID.randomUUID());
    }

    /** Runs {@code work} and returns its result with what it sent (only this work's commands: the count starts at zero). */
    public <T> Counted<T> count(Supplier<T> work) {
        reset();
        T result = work.get();
        return new Counted<>(result, snapshot());
    }

    /** A result with the commands its work sent. */
    public record Counted<T>(T result, Count count) {
    }

    /** Forgets what was counted so far. */
    public void reset() {
        synchronized (commands) {
            commands.clear();
            bytes = 0;
        }
    }

    /** What was sent since the last {@link #reset()}. */
    public Count snapshot() {
        synchronized (commands) {
            return new Count(Map.copyOf(commands), bytes);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
