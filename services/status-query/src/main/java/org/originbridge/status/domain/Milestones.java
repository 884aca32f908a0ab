package org.originbridge.status.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The delivery route of a consignment from its logistics events: retractions and the events they
 * retract are removed, duplicates collapse by event id, the rest is ordered by event time.
 */
public final class Milestones {

    private Milestones() {
    }

    public static List<LogisticsEvent> visible(List<LogisticsEvent> events) {
        Set<String> retracted = events.stream().map(LogisticsEvent::retractedEventId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, LogisticsEvent> unique = events.stream()
                .filter(e -> e.retractedEventId() == null && !retracted.contains(e.eventId()))
                .collect(Collectors.toMap(LogisticsEvent::eventId, Function.identity(), (a, b) -> a));
        return unique.values().stream()
                .sorted(Comparator.comparing(LogisticsEvent::eventDateTime)
                        .thenComparing(LogisticsEvent::eventCreatedDateTime, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(LogisticsEvent::eventId))
                .toList();
    }
}
