package org.originbridge.subscriptions.adapter.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.originbridge.subscriptions.domain.SsrfGuard;
import org.originbridge.subscriptions.domain.StoredEvent;
import org.originbridge.subscriptions.domain.Subscription;
import org.originbridge.subscriptions.domain.WebhookSender;
import org.originbridge.subscriptions.domain.WebhookSignature;

/**
 * One POST per attempt with Apache HttpClient 5: the body is the event's envelope, signed the
 * Standard Webhooks way with a fresh timestamp (two signatures during a secret's grace period); connect and read timeouts bound every attempt;
 * redirects are never followed (a 3xx is a failure), no proxy, no cookies, no automatic retries
 * (the dispatcher retries); hosts resolve only through {@link GuardedDnsResolver}.
 * The response body is never read: only the status counts.
 */
public final class HttpWebhookSender implements WebhookSender, AutoCloseable {

    private final CloseableHttpClient client;
    private final SsrfGuard guard;
    private final Clock clock;

    public HttpWebhookSender(SsrfGuard guard, Duration connectTimeout, Duration readTimeout, int maxConnections, Clock clock) {
        this.guard = guard;
        this.clock = clock;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDnsResolver(guard))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout)).setSocketTimeout(Timeout.of(readTimeout))
                                .build())
                        .setMaxConnTotal(maxConnections).setMaxConnPerRoute(2).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout))
                        .setRedirectsEnabled(false).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .setUserAgent("OriginBridge-Webhooks/1").build();
    }

    @Override
    public Attempt send(Subscription subscription, StoredEvent event) {
        try {
            guard.checkShape(subscription.url().toString()); // the allow-list may have changed since registration
        } catch (SsrfGuard.Refused e) {
            return new Attempt(false, "refused: " + e.getMessage());
        }
        byte[] body = event.envelopeJson().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        HttpPost post = new HttpPost(subscription.url());
        post.setHeader(WebhookSignature.ID_HEADER, event.id());
        post.setHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        post.setHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(
                subscription.signingSecrets(clock.instant()), event.id(), timestamp, body));
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        try {
            int status;
            // executeOpen + close: the body is never drained (a response that streams forever cannot
            // hold the worker); closing an unconsumed response discards its connection
            try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
                status = response.getCode();
            }
            return status >= 200 && status < 300 ? new Attempt(true, "HTTP " + status) : new Attempt(false, "HTTP " + status);
        } catch (GuardedDnsResolver.RefusedHost e) {
            return new Attempt(false, "refused: " + e.getMessage());
        } catch (IOException e) {
            return new Attempt(false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
