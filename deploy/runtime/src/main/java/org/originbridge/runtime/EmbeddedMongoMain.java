package org.originbridge.runtime;

import de.bwaldvogel.mongo.MongoServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB wire-protocol server for the local stack (mongo-java-server with its H2 backend, see
 * {@link SnapshotRepliesBackend}),
 * used by {@code bin/originbridge up} when {@code MONGODB_URI} is not set.
 *
 * <p>Data is kept in one H2 MVStore file. The backend commits in the background, so a clean
 * shutdown (SIGTERM runs the shutdown hook) is what guarantees the last writes are on disk.
 *
 * <pre>java -cp ... org.originbridge.runtime.EmbeddedMongoMain --file DATA/mongo/originbridge.mv --port 27017</pre>
 *
 * <p>With {@code MONGODB_PROFILE_SECONDS=N} it prints, every N seconds, the time spent per collection, command and
 * filter shape ({@link CommandProfile}).
 */
public final class EmbeddedMongoMain {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 27017;

    private final MongoServer server;
    private final SnapshotRepliesBackend backend;
    private final Path file;

    private EmbeddedMongoMain(MongoServer server, SnapshotRepliesBackend backend, Path file) {
        this.server = server;
        this.backend = backend;
        this.file = file;
    }

    /** Opens (or creates) the data file and listens on host:port. */
    public static EmbeddedMongoMain start(Path file, String host, int port) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        SnapshotRepliesBackend backend = SnapshotRepliesBackend.onFile(file.toString());
        MongoServer server = new MongoServer(backend);
        server.bind(host, port);
        return new EmbeddedMongoMain(server, backend, file);
    }

    /** Closes client connections and the backend, which commits and closes the H2 store. */
    public void stop() {
        server.shutdown();
    }

    public int port() {
        return server.getLocalAddress().getPort();
    }

    public Path file() {
        return file;
    }

    /** Where the server's time went so far (see {@link CommandProfile}). */
    public CommandProfile profile() {
        return backend.profile();
    }

    public static void main(String[] args) throws Exception {
        Path file = null;
        String host = DEFAULT_HOST;
        int port = Integer.parseInt(System.getenv().getOrDefault("MONGODB_PORT", String.valueOf(DEFAULT_PORT)));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--file" -> file = Path.of(args[++i]);
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                default -> usage("unknown argument: " + args[i]);
            }
        }
        if (file == null) {
            usage("--file is required");
        }
        EmbeddedMongoMain mongo = start(file, host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("EmbeddedMongo: shutting down, flushing " + mongo.file());
            mongo.stop();
            stopped.countDown();
        }, "embedded-mongo-shutdown"));
        System.out.printf("EmbeddedMongo: listening on mongodb://%s:%d (H2 file %s)%n", host, mongo.port(), file.toAbsolutePath());
        // MONGODB_PROFILE_SECONDS=N prints, every N seconds, where the server's time went (the local stack's profiler)
        int profileSeconds = Integer.parseInt(System.getenv().getOrDefault("MONGODB_PROFILE_SECONDS", "0"));
        if (profileSeconds > 0) {
            mongo.profile().start();
        }
        while (!stopped.await(profileSeconds > 0 ? profileSeconds : Integer.MAX_VALUE, java.util.concurrent.TimeUnit.SECONDS)) {
            System.out.print("EmbeddedMongo: profile since start\n" + mongo.profile().format(25));
            System.out.flush();
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: EmbeddedMongoMain --file PATH [--host 127.0.0.1] [--port 27017]");
        System.exit(2);
    }
}
