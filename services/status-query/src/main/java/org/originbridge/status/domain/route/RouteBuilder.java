package org.originbridge.status.domain.route;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.originbridge.status.domain.LogisticsEvent;
import org.originbridge.status.domain.Milestones;
import org.originbridge.status.domain.route.DeliveryRoute.Eta;
import org.originbridge.status.domain.route.DeliveryRoute.Leg;
import org.originbridge.status.domain.route.DeliveryRoute.LegStatus;
import org.originbridge.status.domain.route.DeliveryRoute.Position;
import org.originbridge.status.domain.route.DeliveryRoute.PositionKind;
import org.originbridge.status.domain.route.DeliveryRoute.Role;
import org.originbridge.status.domain.route.DeliveryRoute.Stop;
import org.originbridge.status.domain.route.DeliveryRoute.Times;

/**
 * Builds the delivery route of a consignment from its logistics events (DCSA T&amp;T and EDIFACT,
 * as logistics-ingestion normalised them). The rules, in order:
 * <ol>
 *   <li>retracted events and retractions are dropped, duplicates collapse by event id
 *       ({@link Milestones#visible});</li>
 *   <li>every event with a location belongs to a node: its UN/LOCODE with aliases resolved by the
 *       {@link PortDirectory} (CNSHA and CNSGH are the Yangshan node CNYSA, VNTOT is Cai Mep VNCMT,
 *       MYWSP and MYLPK are Port Klang MYPKG);</li>
 *   <li>stops: the declared port of loading first, the declared port of discharge last, every other
 *       node in between in the order of its expected time (actual, else estimate, else plan);</li>
 *   <li>per stop, arrival = TRANSPORT ARRI (else EQUIPMENT DISC) and departure = TRANSPORT DEPA, each
 *       with a planned (PLN), estimated (EST) and actual (ACT) time; of several statements of one
 *       classifier the one created last wins, whatever order they were received in;</li>
 *   <li>legs join consecutive stops, with the vessel and voyage of the departure (else of the
 *       arrival); a leg is DONE once the cargo has an actual event at its destination or beyond,
 *       UNDERWAY while the cargo is on it, else PLANNED;</li>
 *   <li>position: the last actual event by event time: a departure puts the cargo on the leg to
 *       the next stop (progress by time towards its expected arrival), an event at the port of
 *       discharge means ARRIVED, any other means AT_NODE;</li>
 *   <li>ETA: the arrival at the port of discharge: actual, else the latest estimate, else the plan.</li>
 * </ol>
 */
public final class RouteBuilder {

    static final String PLN = "PLN";
    static final String EST = "EST";
    static final String ACT = "ACT";
    private static final Set<String> CLASSIFIERS = Set.of(PLN, EST, ACT);

    private final PortDirectory ports;

    public RouteBuilder(PortDirectory ports) {
        this.ports = ports;
    }

    /**
     * @param events        the consignment's events (any order, duplicates and retractions included)
     * @param portOfLoading declared port of loading (UN/LOCODE, may be null)
     * @param portOfDischarge declared port of discharge (may be null)
     * @param now           for the progress on a leg
     */
    public DeliveryRoute build(List<LogisticsEvent> events, String portOfLoading, String portOfDischarge, Instant now) {
        List<LogisticsEvent> located = Milestones.visible(events).stream()
                .filter(e -> e.unLocationCode() != null && CLASSIFIERS.contains(e.eventClassifier()))
                .toList();
        String loading = ports.nodeOf(portOfLoading);
        String discharge = ports.nodeOf(portOfDischarge);

        Map<String, NodeFacts> nodes = new LinkedHashMap<>();
        if (loading != null) {
            nodes.computeIfAbsent(loading, NodeFacts::new);
        }
        for (LogisticsEvent e : located) {
            nodes.computeIfAbsent(ports.nodeOf(e.unLocationCode()), NodeFacts::new).add(e);
        }
        if (discharge != null) {
            nodes.computeIfAbsent(discharge, NodeFacts::new);
        }

        List<NodeFacts> ordered = order(nodes, loading, discharge);
        List<Stop> stops = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            stops.add(stop(ordered.get(i), role(i, ordered.size(), ordered.get(i).node, loading, discharge)));
        }

        LogisticsEvent lastActual = null;
        for (LogisticsEvent e : located) {
            if (ACT.equals(e.eventClassifier())) {
                lastActual = e; // located is ordered by event time
            }
        }
        int reached = -1;
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).hasActual()) {
                reached = i;
            }
        }
        Position position = position(lastActual, ordered, stops, now);
        List<Leg> legs = new ArrayList<>();
        for (int i = 0; i + 1 < ordered.size(); i++) {
            legs.add(leg(ordered.get(i), ordered.get(i + 1), legStatus(i, reached, position, ordered)));
        }
        Eta eta = null;
        if (!stops.isEmpty() && stops.get(stops.size() - 1).role() == Role.DISCHARGE) {
            Stop last = stops.get(stops.size() - 1);
            eta = new Eta(last.unLocode(), last.arrival().expected(), last.arrival().basis());
        }
        return new DeliveryRoute(stops, legs, position, eta);
    }

    private static List<NodeFacts> order(Map<String, NodeFacts> nodes, String loading, String discharge) {
        List<NodeFacts> middle = new ArrayList<>();
        for (NodeFacts n : nodes.values()) {
            if (!n.node.equals(loading) && !n.node.equals(discharge)) {
                middle.add(n);
            }
        }
        middle.sort(Comparator.comparing(NodeFacts::sortTime, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(n -> n.node));
        List<NodeFacts> ordered = new ArrayList<>();
        if (loading != null) {
            ordered.add(nodes.get(loading));
        }
        ordered.addAll(middle);
        if (discharge != null && !discharge.equals(loading)) {
            ordered.add(nodes.get(discharge));
        }
        return ordered;
    }

    private static Role role(int index, int size, String node, String loading, String discharge) {
        if (node.equals(discharge) || (discharge == null && index == size - 1 && size > 1)) {
            return Role.DISCHARGE;
        }
        if (node.equals(loading) || (loading == null && index == 0)) {
            return Role.LOADING;
        }
        return Role.TRANSSHIPMENT;
    }

    private Stop stop(NodeFacts n, Role role) {
        PortDirectory.Port port = ports.node(n.node).orElse(null);
        return new Stop(n.node, port == null ? n.nodeName : port.name(), List.copyOf(n.reportedAs),
                port == null ? null : port.latitude(), port == null ? null : port.longitude(), role,
                n.arrival(), n.departure());
    }

    private static Leg leg(NodeFacts from, NodeFacts to, LegStatus status) {
        LogisticsEvent carrier = from.bestDeparture();
        if (carrier == null || carrier.vesselImo() == null && carrier.carrierVoyageNumber() == null) {
            LogisticsEvent arrival = to.bestArrival();
            if (arrival != null) {
                carrier = arrival;
            }
        }
        return new Leg(from.node, to.node, carrier == null ? null : carrier.vesselImo(),
                carrier == null ? null : carrier.carrierVoyageNumber(), status);
    }

    private static LegStatus legStatus(int index, int reached, Position position, List<NodeFacts> ordered) {
        if (reached >= index + 1) {
            return LegStatus.DONE;
        }
        if (position.kind() == PositionKind.ON_LEG && ordered.get(index).node.equals(position.from())) {
            return LegStatus.UNDERWAY;
        }
        return LegStatus.PLANNED;
    }

    private static Position position(LogisticsEvent last, List<NodeFacts> ordered, List<Stop> stops, Instant now) {
        if (last == null) {
            Stop first = stops.isEmpty() ? null : stops.get(0);
            return new Position(PositionKind.NOT_STARTED, first == null ? null : first.unLocode(), null, null, null,
                    null, null, first == null ? null : first.latitude(), first == null ? null : first.longitude());
        }
        int index = -1;
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).events.contains(last)) {
                index = i;
            }
        }
        Stop here = stops.get(index);
        boolean departure = "DEPA".equals(last.eventCode()) && "TRANSPORT".equals(last.eventType());
        if (departure && index + 1 < stops.size()) {
            Stop next = stops.get(index + 1);
            Instant left = last.eventDateTime();
            Instant due = next.arrival().expected();
            Double progress = null;
            if (due != null && due.isAfter(left)) {
                double total = Duration.between(left, due).toMillis();
                double done = Duration.between(left, now).toMillis();
                progress = Math.max(0.0, Math.min(1.0, done / total));
            }
            Double lat = null;
            Double lon = null;
            if (here.latitude() != null && next.latitude() != null) {
                double f = progress == null ? 0.5 : progress;
                lat = here.latitude() + (next.latitude() - here.latitude()) * f;
                lon = here.longitude() + (next.longitude() - here.longitude()) * f;
            }
            return new Position(PositionKind.ON_LEG, null, here.unLocode(), next.unLocode(), progress, left,
                    last.eventCode(), lat, lon);
        }
        PositionKind kind = here.role() == Role.DISCHARGE && !departure ? PositionKind.ARRIVED : PositionKind.AT_NODE;
        return new Position(kind, here.unLocode(), null, null, null, last.eventDateTime(), last.eventCode(),
                here.latitude(), here.longitude());
    }

    /** What the events say about one node. */
    private static final class NodeFacts {
        final String node;
        String nodeName;
        final Set<String> reportedAs = new LinkedHashSet<>();
        final List<LogisticsEvent> events = new ArrayList<>();

        NodeFacts(String node) {
            this.node = node;
        }

        void add(LogisticsEvent e) {
            events.add(e);
            reportedAs.add(PortDirectory.normalise(e.unLocationCode()));
            if (nodeName == null && e.nodeName() != null && !e.nodeName().isBlank()) {
                nodeName = e.nodeName();
            }
        }

        boolean hasActual() {
            return events.stream().anyMatch(e -> ACT.equals(e.eventClassifier()));
        }

        Times arrival() {
            Map<String, LogisticsEvent> best = latestPerClassifier("TRANSPORT", "ARRI");
            Map<String, LogisticsEvent> fallback = latestPerClassifier("EQUIPMENT", "DISC");
            fallback.forEach(best::putIfAbsent);
            return times(best);
        }

        Times departure() {
            return times(latestPerClassifier("TRANSPORT", "DEPA"));
        }

        LogisticsEvent bestDeparture() {
            return best(latestPerClassifier("TRANSPORT", "DEPA"));
        }

        LogisticsEvent bestArrival() {
            Map<String, LogisticsEvent> found = latestPerClassifier("TRANSPORT", "ARRI");
            latestPerClassifier("EQUIPMENT", "DISC").forEach(found::putIfAbsent);
            return best(found);
        }

        /** Sorting key between the declared ends: the earliest expected arrival or departure, else the first event. */
        Instant sortTime() {
            Instant a = arrival().expected();
            Instant d = departure().expected();
            if (a != null || d != null) {
                return a == null ? d : d == null ? a : a.isBefore(d) ? a : d;
            }
            return events.stream().map(LogisticsEvent::eventDateTime).filter(Objects::nonNull).min(Comparator.naturalOrder())
                    .orElse(null);
        }

        private Map<String, LogisticsEvent> latestPerClassifier(String type, String code) {
            Map<String, LogisticsEvent> latest = new LinkedHashMap<>();
            for (LogisticsEvent e : events) {
                if (type.equals(e.eventType()) && code.equals(e.eventCode())) {
                    latest.merge(e.eventClassifier(), e, (a, b) -> STATEMENT_ORDER.compare(a, b) >= 0 ? a : b);
                }
            }
            return latest;
        }

        private static Times times(Map<String, LogisticsEvent> byClassifier) {
            if (byClassifier.isEmpty()) {
                return Times.NONE;
            }
            return new Times(at(byClassifier.get(PLN)), at(byClassifier.get(EST)), at(byClassifier.get(ACT)));
        }

        private static LogisticsEvent best(Map<String, LogisticsEvent> byClassifier) {
            LogisticsEvent act = byClassifier.get(ACT);
            LogisticsEvent est = byClassifier.get(EST);
            return act != null ? act : est != null ? est : byClassifier.get(PLN);
        }

        private static Instant at(LogisticsEvent e) {
            return e == null ? null : e.eventDateTime();
        }
    }

    /** Of two statements of one classifier: the one created later wins; then the later event time; then the id. */
    static final Comparator<LogisticsEvent> STATEMENT_ORDER = Comparator
            .comparing(LogisticsEvent::eventCreatedDateTime, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(LogisticsEvent::eventDateTime, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(LogisticsEvent::eventId);
}
