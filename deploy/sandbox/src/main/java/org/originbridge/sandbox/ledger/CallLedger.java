package org.originbridge.sandbox.ledger;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts the calls that reached a party's business logic (past chaos and authentication): ASW
 * verifications and CCPIT applications, per declaration and with each Idempotency-Key seen. The
 * fault-injection suite ({@code bin/originbridge chaos}) reads it to count duplicated external calls.
 * In memory: a sandbox restart starts a new ledger.
 */
@Component
public class CallLedger {

    /** The parties whose calls are counted. */
    public enum Party { ASW, CCPIT }

    /** Calls for one declaration at one party, and the distinct idempotency keys they carried (in order). */
    public record Entry(int calls, Set<String> idempotencyKeys) {}

    private static final class Counter {
        int calls;
        final Set<String> keys = new LinkedHashSet<>();
    }

    private final Map<Party, Map<String, Counter>> calls = new ConcurrentHashMap<>();

    public void record(Party party, String declarationId, String idempotencyKey) {
        Counter c = calls.computeIfAbsent(party, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(declarationId, d -> new Counter());
        synchronized (c) {
            c.calls++;
            if (idempotencyKey != null) {
                c.keys.add(idempotencyKey);
            }
        }
    }

    /** A sorted copy: declaration id -> entry. */
    public Map<String, Entry> entries(Party party) {
        Map<String, Entry> copy = new TreeMap<>();
        calls.getOrDefault(party, Map.of()).forEach((declaration, c) -> {
            synchronized (c) {
                copy.put(declaration, new Entry(c.calls, Set.copyOf(c.keys)));
            }
        });
        return copy;
    }
}
