package org.originbridge.logistics.domain;

import java.time.Instant;
import java.util.List;

/** Port: a DCSA Track and Trace feed polled by creation time. */
public interface PortFeed {

    /**
     * Events created at or after {@code createdFrom}, oldest first, at most {@code limit}; each a
     * parsed JSON object (maps, lists, strings, numbers), not yet validated.
     */
    List<Object> eventsCreatedFrom(Instant createdFrom, int limit);
}
