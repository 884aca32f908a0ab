package org.originbridge.ccpit.domain;

/** Port: publishes the application's newest status change; returns only once acknowledged. */
public interface StatusPublisher {
    void publish(EcoApplication application, String qrToken);
}
