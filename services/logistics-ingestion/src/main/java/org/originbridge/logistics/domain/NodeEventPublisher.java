package org.originbridge.logistics.domain;

import java.util.List;

/**
 * Port: publishes normalised events, keyed by {@link NodeEvent#key()}, with the exporter tenant that
 * pushed them ("" for carrier feeds and callbacks); returns once all are acknowledged.
 */
public interface NodeEventPublisher {

    /** @throws RuntimeException when any event could not be published (the caller must not report success) */
    void publish(List<NodeEvent> events, String tenant);
}
