package org.originbridge.scoring.domain;

/** Port: publishes a score and returns only once it is acknowledged (throws otherwise). */
public interface ScorePublisher {
    void publish(SupplierScore score);
}
