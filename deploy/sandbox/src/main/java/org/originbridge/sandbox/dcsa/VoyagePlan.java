package org.originbridge.sandbox.dcsa;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.originbridge.sandbox.dcsa.DcsaEvent.DocumentReference;
import org.originbridge.sandbox.dcsa.DcsaEvent.TransportCall;
import org.originbridge.sandbox.dcsa.DcsaEvent.Vessel;

/**
 * The events of a simulated voyage, in order, one {@code step} apart from registration:
 * <ol>
 *   <li>SHIPMENT RECE (booking received) and SHIPMENT ISSU (transport document issued);</li>
 *   <li>at the port of loading, per container EQUIPMENT GTIN then LOAD; then TRANSPORT DEPA;</li>
 *   <li>at each intermediate port, TRANSPORT ARRI then DEPA (the containers stay on board), or at a
 *       transshipment port ({@link ConsignmentRequest#transshipmentPorts()}) TRANSPORT ARRI, per container EQUIPMENT
 *       DISC, per container EQUIPMENT LOAD, then TRANSPORT DEPA (the sandbox keeps one vessel and voyage number for
 *       the whole route);</li>
 *   <li>at the port of discharge, TRANSPORT ARRI; per container EQUIPMENT DISC then GTOT.</li>
 * </ol>
 * All are actual (ACT) events. Event ids are name-based UUIDs of the transport document
 * reference and the event's position, so a consumer can rely on them for deduplication.
 * <p>With {@code schedule}, each TRANSPORT event also has a plan and an estimate: a PLN event
 * created at registration (departures planned on time, arrivals planned half a step earlier than
 * they will happen, so the voyage runs late against its plan) and, for each arrival, an EST event
 * created when the vessel leaves the previous port, estimating the actual time. The feed serves
 * events by creation time, so the plan comes first.
 */
public final class VoyagePlan {

    private VoyagePlan() {}

    public static List<DcsaEvent> events(ConsignmentRequest c, Instant registeredAt, Duration step) {
        List<Draft> drafts = new ArrayList<>();
        drafts.add(Draft.shipment("RECE", "BKG", c.bookingReference()));
        drafts.add(Draft.shipment("ISSU", "TRD", c.transportDocumentReference()));
        List<String> route = c.route();
        String loading = route.get(0);
        for (String container : c.equipmentReferences()) {
            drafts.add(Draft.equipment("GTIN", container, loading, "LADEN"));
            drafts.add(Draft.equipment("LOAD", container, loading, "LADEN"));
        }
        drafts.add(Draft.transport("DEPA", loading));
        for (String port : route.subList(1, route.size() - 1)) {
            drafts.add(Draft.transport("ARRI", port));
            if (c.transshipsAt(port)) {
                for (String container : c.equipmentReferences()) {
                    drafts.add(Draft.equipment("DISC", container, port, "LADEN"));
                }
                for (String container : c.equipmentReferences()) {
                    drafts.add(Draft.equipment("LOAD", container, port, "LADEN"));
                }
            }
            drafts.add(Draft.transport("DEPA", port));
        }
        String discharge = route.get(route.size() - 1);
        drafts.add(Draft.transport("ARRI", discharge));
        for (String container : c.equipmentReferences()) {
            drafts.add(Draft.equipment("DISC", container, discharge, "LADEN"));
            drafts.add(Draft.equipment("GTOT", container, discharge, "LADEN"));
        }

        List<DocumentReference> references = List.of(
                new DocumentReference("BKG", c.bookingReference()),
                new DocumentReference("TRD", c.transportDocumentReference()));
        List<DcsaEvent> events = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            Instant at = registeredAt.plus(step.multipliedBy(i));
            TransportCall call = d.location() == null ? null
                    : new TransportCall(d.location(), new Vessel(c.vesselIMO()), c.carrierVoyageNumber(), "VESSEL");
            events.add(new DcsaEvent(
                    eventId(c.transportDocumentReference(), i),
                    d.eventType(),
                    "ACT",
                    at,
                    at,
                    d.eventType().equals("SHIPMENT") ? d.code() : null,
                    d.documentTypeCode(),
                    d.documentId(),
                    d.eventType().equals("EQUIPMENT") ? d.code() : null,
                    d.container(),
                    d.emptyIndicator(),
                    d.eventType().equals("TRANSPORT") ? d.code() : null,
                    call,
                    references,
                    null));
        }
        if (c.withSchedule()) {
            for (int i = 0; i < drafts.size(); i++) {
                Draft d = drafts.get(i);
                if (!d.eventType().equals("TRANSPORT")) {
                    continue;
                }
                Instant actual = registeredAt.plus(step.multipliedBy(i));
                TransportCall call = new TransportCall(d.location(), new Vessel(c.vesselIMO()), c.carrierVoyageNumber(), "VESSEL");
                boolean arrival = d.code().equals("ARRI");
                Instant plannedAt = arrival ? actual.minus(step.dividedBy(2)) : actual;
                events.add(new DcsaEvent(scheduleEventId(c.transportDocumentReference(), "PLN", i), "TRANSPORT", "PLN",
                        registeredAt, plannedAt, null, null, null, null, null, null, d.code(), call, references, null));
                if (arrival) {
                    events.add(new DcsaEvent(scheduleEventId(c.transportDocumentReference(), "EST", i), "TRANSPORT", "EST",
                            registeredAt.plus(step.multipliedBy(Math.max(0, i - 1))), actual, null, null, null, null, null,
                            null, d.code(), call, references, null));
                }
            }
        }
        return List.copyOf(events);
    }

    static String scheduleEventId(String transportDocumentReference, String classifier, int position) {
        return UUID.nameUUIDFromBytes(("dcsa-sandbox|" + transportDocumentReference + "|" + classifier + "|" + position)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String eventId(String transportDocumentReference, int position) {
        return UUID.nameUUIDFromBytes(("dcsa-sandbox|" + transportDocumentReference + "|" + position)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private record Draft(String eventType, String code, String location, String container, String emptyIndicator,
            String documentTypeCode, String documentId) {

        static Draft shipment(String code, String documentTypeCode, String documentId) {
            return new Draft("SHIPMENT", code, null, null, null, documentTypeCode, documentId);
        }

        static Draft equipment(String code, String container, String location, String emptyIndicator) {
            return new Draft("EQUIPMENT", code, location, container, emptyIndicator, null, null);
        }

        static Draft transport(String code, String location) {
            return new Draft("TRANSPORT", code, location, null, null, null, null);
        }
    }
}
