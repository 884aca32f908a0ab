package org.originbridge.subscriptions.domain;

/** Port: one HTTP attempt of one delivery (SSRF-checked, signed, bounded by timeouts, no redirects). */
public interface WebhookSender {

    /** The outcome of one attempt: 2xx is success; anything else (status or error) is a failure to retry. */
    record Attempt(boolean delivered, String detail) {
    }

    Attempt send(Subscription subscription, StoredEvent event);
}
