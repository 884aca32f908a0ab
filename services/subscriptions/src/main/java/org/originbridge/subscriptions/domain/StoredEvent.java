package org.originbridge.subscriptions.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A recorded event: {@code id} (stable, {@code evt_} + 24 hex of SHA-256 of the fact's natural id:
 * the {@code webhook-id} of every delivery of it and the dedupe key for receivers), {@code seq}
 * (the position in this service's log: SSE event id and history cursor), the fact's fields, and
 * {@code recordedAt}.
 */
public record StoredEvent(String id, long seq, EventType type, String tenant, String key, String importer,
                          Instant occurredAt, Instant recordedAt, String payloadJson) {

    public static String idOf(String naturalId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(naturalId.getBytes(StandardCharsets.UTF_8));
            return "evt_" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON body of a delivery and of a stream event (Standard Webhooks' {type, timestamp, data}). */
    public String envelopeJson() {
        return "{\"id\":" + Json.quote(id) + ",\"type\":" + Json.quote(type.wireName()) + ",\"timestamp\":"
                + Json.quote(occurredAt.toString()) + ",\"data\":{\"tenant\":" + Json.quote(tenant) + ",\"key\":"
                + Json.quote(key) + ",\"sequence\":" + seq + ",\"fact\":" + payloadJson + "}}";
    }
}
