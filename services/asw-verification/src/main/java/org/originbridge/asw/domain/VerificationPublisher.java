package org.originbridge.asw.domain;

/** Port: publishes a verification result; returns once it is durably written (or throws). */
public interface VerificationPublisher {
    void publish(VerificationResult result);
}
