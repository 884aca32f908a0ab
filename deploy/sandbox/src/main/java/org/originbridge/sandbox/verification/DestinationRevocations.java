package org.originbridge.sandbox.verification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Certificates a destination channel revoked (its customs found the goods not originating, the
 * issuing authority told it, ...), per channel, in order: {@code sequence} 1, 2, ... per channel.
 * In memory and bounded ({@link #MAX_PER_CHANNEL} per channel: past it a revocation is refused).
 */
@Component
public class DestinationRevocations {

    static final int MAX_PER_CHANNEL = 10_000;

    public record Revocation(long sequence, String certificateNumber, String reason, Instant revokedAt) {}

    /** One page: the revocations after the cursor, and the cursor to ask from next. */
    public record Page(List<Revocation> revocations, long next) {}

    private final Map<String, List<Revocation>> byChannel = new ConcurrentHashMap<>();

    public Revocation revoke(String channel, String certificateNumber, String reason, Instant at) {
        List<Revocation> list = byChannel.computeIfAbsent(channel, c -> new ArrayList<>());
        synchronized (list) {
            Optional<Revocation> already = list.stream().filter(r -> r.certificateNumber().equals(certificateNumber)).findFirst();
            if (already.isPresent()) {
                return already.get();
            }
            if (list.size() >= MAX_PER_CHANNEL) {
                throw new IllegalStateException("too many revocations at " + channel);
            }
            Revocation r = new Revocation(list.size() + 1L, certificateNumber, reason, at);
            list.add(r);
            return r;
        }
    }

    public boolean isRevoked(String channel, String certificateNumber) {
        List<Revocation> list = byChannel.getOrDefault(channel, List.of());
        synchronized (list) {
            return list.stream().anyMatch(r -> r.certificateNumber().equals(certificateNumber));
        }
    }

    public Optional<Revocation> find(String channel, String certificateNumber) {
        List<Revocation> list = byChannel.getOrDefault(channel, List.of());
        synchronized (list) {
            return list.stream().filter(r -> r.certificateNumber().equals(certificateNumber)).findFirst();
        }
    }

    /** At most {@code limit} revocations with a sequence above {@code after}. */
    public Page after(String channel, long after, int limit) {
        List<Revocation> list = byChannel.getOrDefault(channel, List.of());
        synchronized (list) {
            List<Revocation> page = list.stream().filter(r -> r.sequence() > after).limit(limit).toList();
            long next = page.isEmpty() ? Math.max(after, 0) : page.get(page.size() - 1).sequence();
            return new Page(page, next);
        }
    }
}
