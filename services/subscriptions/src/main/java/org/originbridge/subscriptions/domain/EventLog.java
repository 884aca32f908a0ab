package org.originbridge.subscriptions.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Port: the recorded events, in log order ({@code seq}). */
public interface EventLog {

    /** Records the fact unless an event with the same id exists; returns the stored event either way. */
    StoredEvent recordIfAbsent(Fact fact);

    /** The importer of a declaration as recorded with its acceptance, if any. */
    Optional<String> importerOf(String declarationId);

    /** Events after {@code afterSeq} that the viewer sees, restricted to {@code types} (all when empty) and to {@code key} when not null. */
    List<StoredEvent> after(Viewer viewer, long afterSeq, String key, Set<EventType> types, int limit);

    /** Events recorded at or after {@code since}, in log order, at most {@code limit}. */
    List<StoredEvent> since(Instant since, Set<EventType> types, int limit);

    Optional<StoredEvent> byId(String id);

    /** The highest seq recorded so far (0 when none). */
    long lastSeq();
}
