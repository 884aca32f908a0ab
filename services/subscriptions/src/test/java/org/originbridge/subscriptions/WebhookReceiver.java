package org.originbridge.subscriptions;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.originbridge.subscriptions.domain.WebhookSignature;

/**
 * A real webhook receiver on 127.0.0.1 (JDK HttpServer), written the way docs/integrations.md tells
 * subscribers to: verify the signature first (Standard Webhooks, 5 minutes tolerance), answer an
 * already processed {@code webhook-id} 2xx without processing it (dedupe), process the rest. A behaviour function decides per (webhook-id,
 * attempt number) whether to answer 200, 500, or hang past the sender's read timeout.
 */
public final class WebhookReceiver implements AutoCloseable {

    public enum Answer { OK, FAIL, SLOW }

    /** A delivery accepted for the first time (after dedupe). */
    public record Received(String id, String key, long sequence, String type, String body) {
    }

    /** One request as it arrived: its Standard Webhooks headers and body. */
    public record Raw(String id, String timestamp, String signature, byte[] body) {
    }

    private static final Pattern KEY = Pattern.compile("\"key\":\"([^\"]*)\"");
    private static final Pattern SEQUENCE = Pattern.compile("\"key\":\"[^\"]*\",\"sequence\":(\\d+)");
    private static final Pattern TYPE = Pattern.compile("^\\{\"id\":\"[^\"]*\",\"type\":\"([^\"]*)\"");

    private final HttpServer server;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, Received> firstSeen = new LinkedHashMap<>();
    private final List<String> refused = new ArrayList<>();
    private final List<Raw> requests = new ArrayList<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final Duration slow;
    private volatile BiFunction<String, Integer, Answer> behaviour = (id, n) -> Answer.OK;
    private volatile WebhookSignature.Verifier verifier;

    public WebhookReceiver(Duration slow) throws IOException {
        this.slow = slow;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/hook", this::handle);
        server.createContext("/elsewhere", exchange -> {
            synchronized (this) {
                refused.add("redirect followed");
            }
            reply(exchange, 200);
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public String elsewhere() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/elsewhere";
    }

    public void secret(String secret) {
        this.verifier = new WebhookSignature.Verifier(secret, Duration.ofMinutes(5));
    }

    public void behaviour(BiFunction<String, Integer, Answer> behaviour) {
        this.behaviour = behaviour;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String id = exchange.getRequestHeaders().getFirst(WebhookSignature.ID_HEADER);
        synchronized (this) {
            requests.add(new Raw(id, exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), body));
        }
        WebhookSignature.Verifier v = verifier;
        WebhookSignature.Verifier.Verdict verdict = v == null ? WebhookSignature.Verifier.Verdict.MISSING
                : v.verify(id, exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), body, Instant.now());
        if (verdict == WebhookSignature.Verifier.Verdict.REPLAYED) {
            duplicates.incrementAndGet(); // already processed: answered 2xx, dropped by webhook-id
            reply(exchange, 200);
            return;
        }
        if (verdict != WebhookSignature.Verifier.Verdict.VALID) {
            synchronized (this) {
                refused.add(id + ": " + verdict);
            }
            reply(exchange, 401);
            return;
        }
        int attempt = attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        Answer answer = behaviour.apply(id, attempt);
        if (answer == Answer.FAIL) {
            failures.incrementAndGet();
            reply(exchange, 500);
            return;
        }
        if (answer == Answer.SLOW) {
            try {
                Thread.sleep(slow.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String text = new String(body, StandardCharsets.UTF_8);
        v.processed(id, Instant.now());
        synchronized (this) {
            if (firstSeen.containsKey(id)) {
                duplicates.incrementAndGet(); // a retry after a timeout, or a replay: dropped by webhook-id
            } else {
                firstSeen.put(id, new Received(id, group(KEY, text), Long.parseLong(group(SEQUENCE, text)), group(TYPE, text), text));
            }
        }
        reply(exchange, 200);
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static void reply(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Every event accepted, once each, in the order first accepted. */
    public synchronized List<Received> received() {
        return List.copyOf(firstSeen.values());
    }

    /** Every request received, in arrival order. */
    public synchronized List<Raw> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<String> refused() {
        return List.copyOf(refused);
    }

    public int attemptsOf(String id) {
        AtomicInteger n = attempts.get(id);
        return n == null ? 0 : n.get();
    }

    public int failures() {
        return failures.get();
    }

    public int duplicates() {
        return duplicates.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
