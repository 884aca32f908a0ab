package org.originbridge.subscriptions.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A fact read from a topic, before it is recorded: {@code naturalId} identifies it across
 * redeliveries and republishing (e.g. {@code score.changed/SUP-1/7}); {@code key} orders it
 * (declaration id, supplier id, or transport document for logistics); {@code importer} is the
 * importer party the declaration is addressed to, when the fact says so.
 */
public record Fact(String naturalId, EventType type, String tenant, String key, String importer,
                   Instant occurredAt, String payloadJson) {

    public Fact {
        Objects.requireNonNull(naturalId, "naturalId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payloadJson, "payloadJson");
        tenant = tenant == null ? "" : tenant;
    }
}
