package org.originbridge.origin.consistency;

import java.time.Instant;

/**
 * A carrier or terminal event of the declaration's consignment (DCSA Track &amp; Trace or EDIFACT), as
 * logistics-ingestion normalised it. Callers pass the events still standing (retractions applied).
 *
 * @param source     DCSA, EDIFACT, ...
 * @param eventCode  LOAD, DISC, DEPA, ARRI, ...
 * @param classifier ACT (actual), EST, PLN: only actual events are facts the report compares
 * @param location   the UN/LOCODE as received (normalised by the rules)
 */
public record VoyageEvent(String eventId, String source, String eventCode, String classifier, Instant at,
        String location, String vesselImo, String voyageNumber) {
}
