package org.originbridge.platform.observability;

import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.originbridge.platform.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log line per hop of a declaration through the system, in one place: every record a listener
 * handles (logged by the platform's listener wrapper) and every HTTP request that names a
 * declaration ({@link DeclarationHttpHops}). While a record or request is processed the MDC holds
 * {@value #DECLARATION_ID} (when the record is keyed by a declaration id, {@link Topics#KEYED_BY_DECLARATION}),
 * so every log line written meanwhile carries it next to the trace and span ids that Micrometer
 * Tracing puts there. The hop line itself adds {@value #HOP} (topic or HTTP method and path) and
 * {@value #OUTCOME}. With structured logging (ECS JSON) these are top-level fields;
 * {@code bin/originbridge trace DECLARATION_ID} reads them back from the log files.
 */
public final class Hops {

    /** MDC key: the declaration this record or request concerns. */
    public static final String DECLARATION_ID = "declarationId";
    /** MDC key (hop lines): the topic consumed, or {@code METHOD /path} of an HTTP request. */
    public static final String HOP = "hop";
    /** MDC key (hop lines): {@code handled}, {@code failed:<ExceptionClass>} or the HTTP status. */
    public static final String OUTCOME = "outcome";
    /** The logger of hop lines (INFO). */
    public static final String LOGGER = "org.originbridge.hops";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    /** Longest id copied into the MDC (ids are validated elsewhere; this only bounds hostile keys). */
    static final int MAX_ID_LENGTH = 128;

    private Hops() {
    }

    /**
     * Runs a listener's work for one record with the declaration id in the MDC and logs the hop:
     * {@code handled}, or {@code failed:<class>} before the failure is rethrown unchanged to the
     * container's error handler (which retries or dead-letters it: the outcome says only that this
     * attempt failed).
     */
    public static void consume(ConsumerRecord<?, ?> record, Runnable work) {
        String declarationId = Topics.KEYED_BY_DECLARATION.contains(record.topic()) ? declarationId(record.key()) : null;
        String previous = MDC.get(DECLARATION_ID);
        if (declarationId != null) {
            MDC.put(DECLARATION_ID, declarationId);
        }
        try {
            work.run();
            hop(record.topic(), "handled", () -> "consumed " + record.topic() + "-" + record.partition() + "@"
                    + record.offset());
        } catch (RuntimeException | Error e) { // NOSONAR: logged and rethrown unchanged
            hop(record.topic(), "failed:" + e.getClass().getSimpleName(), () -> "consumed " + record.topic() + "-"
                    + record.partition() + "@" + record.offset() + " failed: " + e.getClass().getName());
            throw e;
        } finally {
            restore(DECLARATION_ID, previous);
        }
    }

    /** Logs one hop line with {@value #HOP} and {@value #OUTCOME} in the MDC for that line only. */
    public static void hop(String hop, String outcome, Supplier<String> message) {
        if (!log.isInfoEnabled()) {
            return;
        }
        MDC.put(HOP, hop);
        MDC.put(OUTCOME, outcome);
        try {
            log.info(message.get());
        } finally {
            MDC.remove(HOP);
            MDC.remove(OUTCOME);
        }
    }

    /** The key as a declaration id for the MDC, or null when it cannot be one (not a short printable string). */
    static String declarationId(Object key) {
        if (!(key instanceof String id) || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return null;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return null;
            }
        }
        return id;
    }

    static void restore(String key, String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
