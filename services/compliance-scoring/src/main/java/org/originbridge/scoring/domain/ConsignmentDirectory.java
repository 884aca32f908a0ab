package org.originbridge.scoring.domain;

import java.util.List;
import java.util.Optional;

/**
 * Port: the mapping from consignment references to accepted declarations (and so to suppliers),
 * plus every port event seen, so events that arrive before their declaration are kept and
 * attributed when it arrives.
 */
public interface ConsignmentDirectory {

    /** Registers (or re-registers, idempotently) an accepted declaration's references. */
    void register(Consignment consignment);

    /**
     * The declaration an event belongs to: by transport document reference, else booking
     * reference, else equipment reference; the most recently accepted one when several match.
     */
    Optional<Consignment> resolve(LogisticsObservation observation);

    /** Keeps an event (idempotent by event id). */
    void remember(LogisticsObservation observation);

    /** Events seen so far that carry any of the consignment's references. */
    List<LogisticsObservation> eventsFor(Consignment consignment);
}
