package org.originbridge.e2e.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for an exporter's (or a buyer's) own website: a tiny static web server on a free
 * loopback port, i.e. another origin than every OriginBridge service. Tests put pages on it and
 * open them in the {@link Browser}; what the pages load from status-query is then a cross-origin
 * request, exactly as on a real third-party site (CORS, frame-ancestors, CSP all apply).
 * <p>
 * Pages are served as given, with no security headers of their own, like a plain static host.
 */
public final class ThirdPartySite implements AutoCloseable {

    private record Page(String contentType, byte[] body) {
    }

    private final HttpServer server;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    private ThirdPartySite(HttpServer server) {
        this.server = server;
    }

    /** Starts the site on a free port of 127.0.0.1. */
    public static ThirdPartySite start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ThirdPartySite site = new ThirdPartySite(server);
            server.createContext("/", site::handle);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "third-party-site");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** e.g. {@code http://127.0.0.1:41234}: what status-query's CORS policy must allow. */
    public String origin() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** Serves {@code html} at {@code path} (which starts with '/') and returns its absolute URL. */
    public String putHtml(String path, String html) {
        return put(path, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** Serves {@code body} at {@code path} with the given content type and returns its absolute URL. */
    public String put(String path, String contentType, byte[] body) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a path starts with '/': " + path);
        }
        pages.put(path, new Page(contentType, body.clone()));
        return origin() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Page page = "GET".equals(exchange.getRequestMethod()) ? pages.get(exchange.getRequestURI().getPath()) : null;
            if (page == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", page.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, page.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
