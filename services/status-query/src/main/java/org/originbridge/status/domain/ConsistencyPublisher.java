package org.originbridge.status.domain;

/** Port: publishes a declaration's consistency report (waits for the broker's acknowledgement; throws if it fails). */
public interface ConsistencyPublisher {

    void publish(ConsistencyFact fact);
}
