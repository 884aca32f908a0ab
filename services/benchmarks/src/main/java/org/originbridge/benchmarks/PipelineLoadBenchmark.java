package org.originbridge.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.platform.Topics;
import org.originbridge.testsupport.ConfluentWire;

/**
 * Load benchmark of the live pipeline (run on demand against {@code bin/originbridge up}; never in
 * {@code mvn verify}). Produces N valid declarations in Confluent wire format onto
 * {@code coo-declarations-submitted}, as an external producer does, and measures with HdrHistogram the
 * latency from the send to the declaration's {@code coo-declarations-accepted} record and to its
 * {@code asw-verifications} record, plus the sustained throughput of each stage. Prints the numbers;
 * exits 0 when every declaration was accepted and verified, 1 when some were rejected or did not arrive
 * in time, 2 when the stack is not reachable, 64 on a usage error. Talks to loopback addresses only.
 *
 * <pre>java -cp ... org.originbridge.benchmarks.PipelineLoadBenchmark [--count 2000] [--rate 0]
 *     [--items 5] [--materials 20] [--timeout 180] [--bootstrap 127.0.0.1:9092] [--registry http://127.0.0.1:8081]</pre>
 */
public final class PipelineLoadBenchmark {

    /** The registry's bearer token (client credentials from ORIGINBRIDGE_REGISTRY_CLIENT_*; none = anonymous). */
    private static final java.util.function.Supplier<String> REGISTRY_TOKEN =
            org.originbridge.testsupport.RegistryToken.fromEnvironment(java.time.Clock.systemUTC());

    static final int MAX_COUNT = 50_000;
    static final int EXIT_OK = 0;
    static final int EXIT_INCOMPLETE = 1;
    static final int EXIT_UNREACHABLE = 2;
    static final int EXIT_USAGE = 64;

    static {
        // Avro refuses untrusted SpecificRecord classes; the property is read once, so set it before any Avro use.
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "org.originbridge.events");
        }
    }

    /** Command-line options. */
    record Options(int count, double rate, int items, int materials, Duration timeout, String bootstrap, String registry,
            int rawCount, int rawBytes) {

        Options(int count, double rate, int items, int materials, Duration timeout, String bootstrap, String registry) {
            this(count, rate, items, materials, timeout, bootstrap, registry, 0, 5 * 1024);
        }

        static Options parse(String[] args) {
            int count = 2000;
            double rate = 0;
            int items = 5;
            int materials = 20;
            long timeoutSeconds = 180;
            String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS",
                    "127.0.0.1:" + System.getenv().getOrDefault("KAFKA_PORT", "9092"));
            String registry = "http://127.0.0.1:" + System.getenv().getOrDefault("REGISTRY_PORT", "8081");
            int rawCount = 0;
            int rawBytes = 5 * 1024;
            long durationSeconds = 0;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--count" -> count = Integer.parseInt(value);
                    case "--rate" -> rate = Double.parseDouble(value);
                    case "--items" -> items = Integer.parseInt(value);
                    case "--materials" -> materials = Integer.parseInt(value);
                    case "--timeout" -> timeoutSeconds = Long.parseLong(value);
                    case "--bootstrap" -> bootstrap = value;
                    case "--registry" -> registry = value.replaceAll("/+$", "");
                    case "--raw" -> rawCount = Integer.parseInt(value);
                    case "--raw-bytes" -> rawBytes = Integer.parseInt(value);
                    case "--duration" -> durationSeconds = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (durationSeconds > 0) {
                if (rate <= 0) {
                    throw new IllegalArgumentException("--duration needs --rate");
                }
                count = (int) Math.min(Integer.MAX_VALUE, Math.round(rate * durationSeconds));
            }
            if (rawCount < 0 || rawCount > 1_000_000 || rawBytes < 1 || rawBytes > 1_000_000) {
                throw new IllegalArgumentException("--raw must be 0..1000000 records and --raw-bytes 1..1000000");
            }
            if (count < 1 || count > MAX_COUNT) {
                throw new IllegalArgumentException("--count must be between 1 and " + MAX_COUNT + ", got " + count);
            }
            if (rate < 0) {
                throw new IllegalArgumentException("--rate must be >= 0 (0 = as fast as possible), got " + rate);
            }
            if (items < 1 || items > 50 || materials < 1 || materials > 500) {
                throw new IllegalArgumentException("--items must be 1..50 and --materials 1..500");
            }
            if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
                throw new IllegalArgumentException("--timeout must be 1..3600 seconds");
            }
            for (String server : bootstrap.split(",")) {
                int colon = server.lastIndexOf(':');
                requireLoopback("--bootstrap", colon < 0 ? server : server.substring(0, colon));
            }
            requireLoopback("--registry", URI.create(registry).getHost());
            return new Options(count, rate, items, materials, Duration.ofSeconds(timeoutSeconds), bootstrap, registry,
                    rawCount, rawBytes);
        }

        private static void requireLoopback(String option, String host) {
            try {
                if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
                    throw new IllegalArgumentException(option + ": only loopback addresses are allowed, got " + host);
                }
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(option + ": unknown host " + host);
            }
        }
    }

    private PipelineLoadBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("usage error: " + e.getMessage());
            out.println("usage: PipelineLoadBenchmark [--count N (1.." + MAX_COUNT + ", default 2000)] [--rate records/s (0 = max)]"
                    + " [--duration S (with --rate: count = rate x S)] [--raw N (raw Kafka baseline records, 0 = none)]"
                    + " [--raw-bytes 5120] [--items 5] [--materials 20] [--timeout 180] [--bootstrap 127.0.0.1:9092]"
                    + " [--registry http://127.0.0.1:8081]");
            return EXIT_USAGE;
        }
        String unreachable = checkStack(options);
        if (unreachable != null) {
            out.println("stack not reachable: " + unreachable);
            out.println("start it with `bin/originbridge up` and check `bin/originbridge status`");
            return EXIT_UNREACHABLE;
        }
        return new Run(options, out).execute();
    }

    /** Null when Kafka has the pipeline's topics and the registry answers; otherwise what is wrong. */
    static String checkStack(Options options) {
        for (String server : options.bootstrap().split(",")) {
            int colon = server.lastIndexOf(':');
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(server.substring(0, colon), Integer.parseInt(server.substring(colon + 1))), 2000);
            } catch (IOException | RuntimeException e) {
                return "Kafka at " + server + ": " + e;
            }
        }
        Map<String, Object> config = secured(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap(),
                // generous: on a loaded 2-core machine (load 20-40) the broker answers in seconds, not ms
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
        try (Admin admin = Admin.create(config)) {
            Set<String> topics = admin.listTopics().names().get(35, TimeUnit.SECONDS);
            for (String topic : List.of(Topics.DECLARATIONS_SUBMITTED, Topics.DECLARATIONS_ACCEPTED,
                    Topics.DECLARATIONS_REJECTED, Topics.ASW_VERIFICATIONS)) {
                if (!topics.contains(topic)) {
                    return "Kafka at " + options.bootstrap() + " has no topic " + topic + " (are the services running?)";
                }
            }
        } catch (Exception e) {
            return "Kafka at " + options.bootstrap() + ": " + e;
        }
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            HttpRequest.Builder probe = HttpRequest.newBuilder(URI.create(options.registry() + "/apis/ccompat/v7/subjects"))
                    .timeout(Duration.ofSeconds(5)).GET();
            String token = REGISTRY_TOKEN.get();
            if (token != null) {
                probe.header("Authorization", "Bearer " + token);
            }
            HttpResponse<Void> response = http.send(probe.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                return "registry at " + options.registry() + " answered " + response.statusCode();
            }
        } catch (IOException e) {
            return "registry at " + options.registry() + ": " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return null;
    }

    /**
     * {@code config} plus SASL/SCRAM settings when {@code ORIGINBRIDGE_KAFKA_USERNAME} and
     * {@code ORIGINBRIDGE_KAFKA_PASSWORD} are set (as {@code bin/originbridge bench} does, with the
     * stack's {@code operator} principal: see {@code bin/originbridge kafka-credentials}).
     */
    static Map<String, Object> secured(Map<String, Object> config) {
        return secured(config, "ORIGINBRIDGE_KAFKA_USERNAME", "ORIGINBRIDGE_KAFKA_PASSWORD");
    }

    /**
     * The raw baseline creates and deletes its own topic, which the stack's client principals may not:
     * {@code bin/originbridge bench} hands it the local stack's Kafka admin in
     * {@code ORIGINBRIDGE_BENCH_ADMIN_USERNAME}/{@code _PASSWORD} (used for nothing else); without them
     * the client principal is used.
     */
    static Map<String, Object> securedAdmin(Map<String, Object> config) {
        return System.getenv("ORIGINBRIDGE_BENCH_ADMIN_USERNAME") == null ? secured(config)
                : secured(config, "ORIGINBRIDGE_BENCH_ADMIN_USERNAME", "ORIGINBRIDGE_BENCH_ADMIN_PASSWORD");
    }

    private static Map<String, Object> secured(Map<String, Object> config, String userVariable, String passwordVariable) {
        Map<String, Object> out = new HashMap<>(config);
        String user = System.getenv(userVariable);
        String password = System.getenv(passwordVariable);
        if (user != null && !user.isBlank() && password != null) {
            out.put("security.protocol", "SASL_PLAINTEXT");
            out.put("sasl.mechanism", "SCRAM-SHA-512");
            out.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                    + user + "\" password=\"" + password + "\";");
        }
        return out;
    }

    /** Confluent wire bytes ({@code 0x00}, 4-byte schema id, Avro binary) of a generated record. */
    static byte[] confluentBytes(int schemaId, DeclarationSubmitted value, SpecificDatumWriter<DeclarationSubmitted> writer) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 * 1024);
            bytes.write(0);
            bytes.write(ByteBuffer.allocate(4).putInt(schemaId).array());
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
            writer.write(value, encoder);
            encoder.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One benchmark run: a collector thread reads the outcome topics while the main thread produces. */
    private static final class Run {
        private final Options options;
        private final PrintStream out;
        private final String prefix = "BENCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-";
        private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
        private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
        private final Map<String, Long> verifiedAt = new ConcurrentHashMap<>();
        private final Map<String, Long> issuedAt = new ConcurrentHashMap<>();
        private final Map<String, Long> issuanceFinalAt = new ConcurrentHashMap<>();
        private ConfluentWire decoder;
        private RawBaseline.Result raw;
        private LagSampler lag;
        private final Map<String, byte[]> rejected = new ConcurrentHashMap<>();
        private final AtomicLong sendFailures = new AtomicLong();
        private final AtomicReference<Exception> firstSendFailure = new AtomicReference<>();
        private volatile boolean collecting = true;

        Run(Options options, PrintStream out) {
            this.options = options;
            this.out = out;
        }

        int execute() {
            if (options.rawCount() > 0) {
                raw = RawBaseline.run(secured(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap())),
                        securedAdmin(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap())),
                        options.rawCount(), options.rawBytes(), out);
            }
            ConfluentWire wire = new ConfluentWire(options.registry() + "/apis/ccompat/v7", REGISTRY_TOKEN);
            decoder = wire;
            lag = new LagSampler(secured(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap())));
            lag.start();
            int schemaId = wire.register(Topics.DECLARATIONS_SUBMITTED, DeclarationSubmitted.getClassSchema());
            out.printf("schema DeclarationSubmitted: id %d under %s-value%n", schemaId, Topics.DECLARATIONS_SUBMITTED);

            KafkaConsumer<String, byte[]> consumer = consumer();
            Thread collector = new Thread(() -> collect(consumer), "outcome-collector");
            collector.start();

            SpecificDatumWriter<DeclarationSubmitted> writer = new SpecificDatumWriter<>(DeclarationSubmitted.class);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            int payloadBytes = 0;
            long firstSend;
            long lastSend;
            try (KafkaProducer<String, byte[]> producer = producer()) {
                firstSend = System.nanoTime();
                for (int i = 0; i < options.count(); i++) {
                    if (options.rate() > 0) {
                        long due = firstSend + (long) (i * 1e9 / options.rate());
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    }
                    String id = prefix + String.format("%06d", i);
                    byte[] value = confluentBytes(schemaId, Fixtures.declarationSubmitted(id, options.items(), options.materials(),
                            today, Instant.now().truncatedTo(ChronoUnit.MILLIS)), writer);
                    payloadBytes = value.length;
                    sentAt.put(id, System.nanoTime());
                    producer.send(new ProducerRecord<>(Topics.DECLARATIONS_SUBMITTED, id, value), (metadata, e) -> {
                        if (e != null) {
                            sendFailures.incrementAndGet();
                            firstSendFailure.compareAndSet(null, e);
                        }
                    });
                }
                producer.flush();
                lastSend = System.nanoTime();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(consumer, collector);
                return EXIT_INCOMPLETE;
            }
            out.printf("produced %d declarations (%d goods items x %d materials, %d bytes each) in %.2f s: %.0f records/s%n",
                    options.count(), options.items(), options.materials(), payloadBytes,
                    (lastSend - firstSend) / 1e9, options.count() / ((lastSend - firstSend) / 1e9));

            long deadline = System.nanoTime() + options.timeout().toNanos();
            long nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!(complete() && lag.drained()) && System.nanoTime() < deadline) {
                sleep(100);
                if (System.nanoTime() > nextProgress) {
                    out.printf("  ... accepted %d, rejected %d, verified %d, issued %d of %d; consumer lag %s%n",
                            acceptedAt.size(), rejected.size(), verifiedAt.size(), issuedAt.size(), options.count(),
                            lag.currentLag());
                    nextProgress += TimeUnit.SECONDS.toNanos(5);
                }
            }
            stop(consumer, collector);
            lag.stop();
            return report(wire, firstSend, lastSend);
        }

        private boolean complete() {
            return acceptedAt.size() + rejected.size() >= options.count() && verifiedAt.size() >= acceptedAt.size();
        }

        private int report(ConfluentWire wire, long firstSend, long lastSend) {
            Histogram toAccepted = histogram(acceptedAt);
            Histogram toVerified = histogram(verifiedAt);
            Histogram toIssued = histogram(issuedAt);
            double rawRate = raw == null ? 0 : raw.recordsPerSecond();
            out.println();
            out.printf("%-44s %8s %9s %9s %9s %9s %11s %8s%n", "stage: latency from send (ms)", "count", "p50", "p95", "p99",
                    "max", "records/s", "vs raw");
            if (raw != null) {
                out.printf("%-44s %8d %9s %9s %9s %9s %11.1f %8s%n", "raw Kafka produce -> consume (" + options.rawBytes() + " B)",
                        raw.count(), "-", "-", "-", "-", rawRate, "100%");
            }
            double produced = options.count() / Math.max(1e-9, (lastSend - firstSend) / 1e9);
            out.printf("%-44s %8d %9s %9s %9s %9s %11.1f %8s%n", "produced (coo-declarations-submitted)", options.count(),
                    "-", "-", "-", "-", produced, ratio(produced, rawRate));
            line("accepted (coo-declarations-accepted)", toAccepted, acceptedAt, firstSend, rawRate);
            line("verified (asw-verifications)", toVerified, verifiedAt, firstSend, rawRate);
            line("issued (eco-issuance-status ISSUED)", toIssued, issuedAt, firstSend, rawRate);
            lag.report(out, firstSend, lastSend, verifiedAt.values().stream().mapToLong(Long::longValue).max().orElse(lastSend),
                    rawRate);
            out.printf("accepted %d, rejected %d, verified %d, send failures %d, of %d produced%n",
                    acceptedAt.size(), rejected.size(), verifiedAt.size(), sendFailures.get(), options.count());
            if (firstSendFailure.get() != null) {
                out.println("first send failure: " + firstSendFailure.get());
            }
            if (!rejected.isEmpty()) {
                Map.Entry<String, byte[]> first = rejected.entrySet().iterator().next();
                String why;
                try {
                    why = String.valueOf(wire.decode(first.getValue()));
                } catch (RuntimeException e) {
                    why = "(could not decode: " + e + ")";
                }
                out.println("first rejection " + first.getKey() + ": " + (why.length() > 2000 ? why.substring(0, 2000) + "..." : why));
            }
            boolean ok = acceptedAt.size() == options.count() && verifiedAt.size() == options.count() && sendFailures.get() == 0
                    && lag.drained();
            if (!ok) {
                out.println("INCOMPLETE: not every declaration was accepted and verified, or a consumer group still lags,"
                        + " within " + options.timeout().toSeconds() + " s");
            }
            return ok ? EXIT_OK : EXIT_INCOMPLETE;
        }

        private void line(String label, Histogram h, Map<String, Long> arrivals, long firstSend, double rawRate) {
            if (h.getTotalCount() == 0) {
                out.printf("%-44s %8d %9s %9s %9s %9s %11s %8s%n", label, 0, "-", "-", "-", "-", "-", "-");
                return;
            }
            long last = arrivals.values().stream().mapToLong(Long::longValue).max().orElse(firstSend);
            double seconds = Math.max(1e-9, (last - firstSend) / 1e9);
            double rate = arrivals.size() / seconds;
            out.printf("%-44s %8d %9.1f %9.1f %9.1f %9.1f %11.1f %8s%n", label, h.getTotalCount(),
                    h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, rate, ratio(rate, rawRate));
        }

        static String ratio(double rate, double rawRate) {
            return rawRate <= 0 ? "-" : String.format("%.1f%%", 100 * rate / rawRate);
        }

        /** Latencies in microseconds, up to one hour, 3 significant digits. */
        private Histogram histogram(Map<String, Long> arrivals) {
            Histogram h = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
            arrivals.forEach((id, at) -> {
                Long sent = sentAt.get(id);
                if (sent != null) {
                    h.recordValue(Math.min(h.getHighestTrackableValue(), Math.max(0, (at - sent) / 1000)));
                }
            });
            return h;
        }

        private void collect(KafkaConsumer<String, byte[]> consumer) {
            try {
                while (collecting) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        String key = record.key();
                        if (key == null || !key.startsWith(prefix)) {
                            continue;
                        }
                        switch (record.topic()) {
                            case Topics.DECLARATIONS_ACCEPTED -> acceptedAt.putIfAbsent(key, now);
                            case Topics.DECLARATIONS_REJECTED -> rejected.putIfAbsent(key, record.value());
                            case Topics.ASW_VERIFICATIONS -> verifiedAt.putIfAbsent(key, now);
                            case Topics.ECO_ISSUANCE_STATUS -> issuance(key, record.value(), now);
                            default -> { }
                        }
                    }
                }
            } catch (WakeupException e) {
                // stopping
            } finally {
                consumer.close(Duration.ofSeconds(2));
            }
        }

        /** ISSUED (or another final status: REJECTED, FAILED) of a declaration; open statuses are not a stage. */
        private void issuance(String key, byte[] value, long now) {
            try {
                Object status = decoder.decode(value).get("status");
                String name = String.valueOf(status);
                if ("ISSUED".equals(name)) {
                    issuedAt.putIfAbsent(key, now);
                }
                if (Set.of("ISSUED", "REJECTED", "FAILED").contains(name)) {
                    issuanceFinalAt.putIfAbsent(key, now);
                }
            } catch (RuntimeException e) {
                // not decodable: not counted
            }
        }

        private void stop(KafkaConsumer<String, byte[]> consumer, Thread collector) {
            collecting = false;
            consumer.wakeup();
            try {
                collector.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Assigned (no group) to every partition of the outcome topics, positioned at their end before producing. */
        private KafkaConsumer<String, byte[]> consumer() {
            Map<String, Object> config = new HashMap<>();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap());
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "originbridge-pipeline-benchmark");
            config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(secured(config), new StringDeserializer(),
                    new ByteArrayDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.DECLARATIONS_ACCEPTED, Topics.DECLARATIONS_REJECTED, Topics.ASW_VERIFICATIONS,
                    Topics.ECO_ISSUANCE_STATUS)) {
                for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                    partitions.add(new TopicPartition(p.topic(), p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(10)));
            return consumer;
        }

        private KafkaProducer<String, byte[]> producer() {
            Map<String, Object> config = Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.CLIENT_ID_CONFIG, "originbridge-pipeline-benchmark");
            return new KafkaProducer<>(secured(config), new StringSerializer(), new ByteArraySerializer());
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
