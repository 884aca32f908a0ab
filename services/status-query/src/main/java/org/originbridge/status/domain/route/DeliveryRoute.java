package org.originbridge.status.domain.route;

import java.time.Instant;
import java.util.List;

/**
 * The delivery route of one consignment, built from its logistics events by {@link RouteBuilder}:
 * the stops from port of loading through transshipment nodes to port of discharge, the legs between
 * them, where the cargo is now and the ETA at the port of discharge.
 */
public record DeliveryRoute(List<Stop> stops, List<Leg> legs, Position position, Eta eta) {

    public DeliveryRoute {
        stops = List.copyOf(stops);
        legs = List.copyOf(legs);
    }

    /** What a stop is on this route. */
    public enum Role { LOADING, TRANSSHIPMENT, DISCHARGE }

    /** Planned, estimated and actual time of one arrival or departure; each null when not reported. */
    public record Times(Instant planned, Instant estimated, Instant actual) {

        static final Times NONE = new Times(null, null, null);

        /** The best current knowledge: actual, else the latest estimate, else the plan. */
        public Instant expected() {
            return actual != null ? actual : estimated != null ? estimated : planned;
        }

        /** Which of the three {@link #expected()} is: ACT, EST, PLN, or null. */
        public String basis() {
            return actual != null ? "ACT" : estimated != null ? "EST" : planned != null ? "PLN" : null;
        }
    }

    /**
     * One node of the route. {@code unLocode} is the node's code (aliases resolved); {@code reportedAs}
     * the codes events used for it (e.g. CNSHA for the Yangshan node); coordinates null when the
     * port table does not know the node.
     */
    public record Stop(String unLocode, String name, List<String> reportedAs, Double latitude, Double longitude,
            Role role, Times arrival, Times departure) {

        public Stop {
            reportedAs = List.copyOf(reportedAs);
        }
    }

    /** Where a leg is: PLANNED (not departed), UNDERWAY (departed, not arrived), DONE (arrived). */
    public enum LegStatus { PLANNED, UNDERWAY, DONE }

    /** The voyage between two consecutive stops, with the vessel and voyage reported for it. */
    public record Leg(String from, String to, String vesselImo, String carrierVoyageNumber, LegStatus status) {
    }

    /** Kinds of current position. */
    public enum PositionKind {
        /** No actual event at a node yet. */
        NOT_STARTED,
        /** The last actual event happened at {@code at} (and it is not the port of discharge). */
        AT_NODE,
        /** Departed {@code from}, heading for {@code to}; {@code progress} 0-1 by time when the arrival is expected, else null. */
        ON_LEG,
        /** Arrived at (or discharged at) the port of discharge. */
        ARRIVED
    }

    /**
     * Where the cargo is now, from the last actual event: at a node, or on the leg between two with
     * its progress; {@code latitude}/{@code longitude} the point to draw (interpolated on a leg), null
     * when the nodes have no coordinates; {@code since} the time of that last actual event.
     */
    public record Position(PositionKind kind, String at, String from, String to, Double progress, Instant since,
            String lastEventCode, Double latitude, Double longitude) {
    }

    /** Expected arrival at the port of discharge and what it rests on (ACT arrived, EST estimate, PLN plan). */
    public record Eta(String unLocode, Instant at, String basis) {
    }
}
