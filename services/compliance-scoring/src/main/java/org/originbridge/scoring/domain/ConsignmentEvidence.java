package org.originbridge.scoring.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The port events attributed to one accepted declaration's consignment, one entry per event id. */
public record ConsignmentEvidence(String declarationId, String portOfLoading, String portOfDischarge,
        List<NodeEvent> events) {

    public ConsignmentEvidence {
        Objects.requireNonNull(declarationId, "declarationId");
        portOfLoading = Locations.normalise(portOfLoading);
        portOfDischarge = Locations.normalise(portOfDischarge);
        events = events.stream().sorted(Comparator.comparing(NodeEvent::eventId)).toList();
    }

    /** This consignment with the event added or replaced (same id: counted once). */
    public ConsignmentEvidence with(NodeEvent event) {
        List<NodeEvent> next = new ArrayList<>(events.stream().filter(e -> !e.eventId().equals(event.eventId())).toList());
        next.add(event);
        return new ConsignmentEvidence(declarationId, portOfLoading, portOfDischarge, next);
    }

    /** Actual events that were not retracted and are not retractions themselves. */
    public List<NodeEvent> evidence() {
        var retracted = events.stream().filter(NodeEvent::isRetraction).map(NodeEvent::retractedEventId).toList();
        return events.stream()
                .filter(e -> e.actual() && !e.isRetraction() && !retracted.contains(e.eventId()))
                .toList();
    }
}
