package org.originbridge.logistics.domain;

import org.originbridge.origin.json.JsonSchema;

/**
 * The DCSA Track and Trace event schema logistics-ingestion reads against ({@code dcsa/tnt-v2-event.schema.json}
 * on the classpath): the relevant part of DCSA's published T&amp;T v2.2 event, with our deliberate differences
 * written in its description. Loaded once; a missing or broken schema stops the start.
 */
public final class DcsaEventSchema {

    /** The schema of one event object. */
    public static final JsonSchema EVENT = JsonSchema.resource(DcsaEventSchema.class, "/dcsa/tnt-v2-event.schema.json");

    private DcsaEventSchema() {
    }
}
