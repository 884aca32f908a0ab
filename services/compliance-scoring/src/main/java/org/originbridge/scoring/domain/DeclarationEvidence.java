package org.originbridge.scoring.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything known about one declaration: its intake outcome, latest ASW verification, latest
 * e-CO issuance status and its consignment's port events. Bounded by one shipment's events, so it
 * costs the same to read and write whatever the supplier's history. Applying the same fact twice
 * leaves it equal (the guards below), which is what makes a redelivery change nothing.
 *
 * @param intake      null until intake decided
 * @param asw         null until verified (the newest {@code at} wins)
 * @param issuance    null until an issuance status arrived (the highest sequence wins)
 * @param consignment null until a port event was attributed to the declaration
 * @param consistency null until a consistency report arrived (the newest {@code checkedAt} wins)
 */
public record DeclarationEvidence(String declarationId, IntakeOutcome intake, AswOutcome asw, IssuanceOutcome issuance,
        ConsignmentEvidence consignment, ConsistencyOutcome consistency) {

    private static final Set<String> DEPARTURE = Set.of("DEPA", "LOAD");
    private static final Set<String> ARRIVAL = Set.of("ARRI", "DISC");
    /** The container was stripped or stuffed: the goods were handled. */
    private static final Set<String> HANDLING = Set.of("STRP", "STUF");

    public DeclarationEvidence {
        Objects.requireNonNull(declarationId, "declarationId");
    }

    public DeclarationEvidence(String declarationId, IntakeOutcome intake, AswOutcome asw, IssuanceOutcome issuance,
            ConsignmentEvidence consignment) {
        this(declarationId, intake, asw, issuance, consignment, null);
    }

    public static DeclarationEvidence none(String declarationId) {
        return new DeclarationEvidence(declarationId, null, null, null, null, null);
    }

    /** The consistency report; an older report than the one kept is ignored. */
    public DeclarationEvidence withConsistency(ConsistencyOutcome outcome) {
        if (consistency != null && consistency.checkedAt().isAfter(outcome.checkedAt())) {
            return this;
        }
        return new DeclarationEvidence(declarationId, intake, asw, issuance, consignment, outcome);
    }

    /** Intake outcome; a replay overwrites it with the same value. */
    public DeclarationEvidence withIntake(IntakeOutcome outcome) {
        return new DeclarationEvidence(declarationId, outcome, asw, issuance, consignment, consistency);
    }

    /** ASW outcome; an older verification than the one kept is ignored. */
    public DeclarationEvidence withAsw(AswOutcome outcome) {
        if (asw != null && asw.at().isAfter(outcome.at())) {
            return this;
        }
        return new DeclarationEvidence(declarationId, intake, outcome, issuance, consignment, consistency);
    }

    /** Issuance status; a lower sequence than the one kept is ignored. */
    public DeclarationEvidence withIssuance(IssuanceOutcome outcome) {
        if (issuance != null && issuance.sequence() > outcome.sequence()) {
            return this;
        }
        return new DeclarationEvidence(declarationId, intake, asw, outcome, consignment, consistency);
    }

    /** Port events of the consignment (ports from the declaration); an event id counts once. */
    public DeclarationEvidence withNodeEvents(String portOfLoading, String portOfDischarge, Collection<NodeEvent> events) {
        ConsignmentEvidence c = new ConsignmentEvidence(declarationId, portOfLoading, portOfDischarge,
                consignment == null ? List.of() : consignment.events());
        for (NodeEvent event : events) {
            c = c.with(event);
        }
        return new DeclarationEvidence(declarationId, intake, asw, issuance, c, consistency);
    }

    /** The newest piece of evidence (port events: actual, not retracted), if any. */
    public Optional<Instant> latestAt() {
        return Stream.of(Stream.ofNullable(intake).map(IntakeOutcome::at), Stream.ofNullable(asw).map(AswOutcome::at),
                        Stream.ofNullable(issuance).map(IssuanceOutcome::at),
                        Stream.ofNullable(consignment).flatMap(c -> c.evidence().stream()).map(NodeEvent::at))
                .flatMap(s -> s)
                .max(Instant::compareTo);
    }

    /** What this declaration adds to its supplier's counters. */
    public Tally tally() {
        long accepted = intake != null && intake.accepted() ? 1 : 0;
        long rejected = intake != null && !intake.accepted() ? 1 : 0;
        Map<Long, Long> days = intake == null ? Map.of()
                : Map.of(intake.at().atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay(), 1L);
        AswOutcome.Result a = asw == null ? null : asw.result();
        IssuanceOutcome.Status s = issuance == null ? null : issuance.status();
        Consignment kind = consignmentKind();
        Map<String, Long> handling = new TreeMap<>();
        if (kind == Consignment.HANDLED) {
            consignment.evidence().stream().filter(e -> HANDLING.contains(e.code()) && isTransit(consignment, e.location()))
                    .forEach(e -> handling.put(e.code() + " at " + e.location(), 1L));
        }
        return new Tally(accepted, rejected, a == AswOutcome.Result.VERIFIED ? 1 : 0,
                a == AswOutcome.Result.NOT_VERIFIED ? 1 : 0,
                a != null && a != AswOutcome.Result.VERIFIED && a != AswOutcome.Result.NOT_VERIFIED
                        && a != AswOutcome.Result.NOT_APPLICABLE ? 1 : 0,
                s == IssuanceOutcome.Status.ISSUED ? 1 : 0, s == IssuanceOutcome.Status.REJECTED ? 1 : 0,
                s == IssuanceOutcome.Status.REVOKED ? 1 : 0, s != null && s.open() ? 1 : 0,
                s == IssuanceOutcome.Status.FAILED ? 1 : 0,
                kind == Consignment.COMPLETE ? 1 : 0, kind == Consignment.INCOMPLETE ? 1 : 0,
                kind == Consignment.HANDLED ? 1 : 0, handling, days,
                consistency != null && consistency.status().compared() ? 1 : 0,
                consistency != null && consistency.status() == ConsistencyOutcome.Status.DISCREPANCIES ? 1 : 0,
                discrepancies());
    }

    /** Each kind of discrepancy of a discrepant report once ({@code field (source)}). */
    private Map<String, Long> discrepancies() {
        Map<String, Long> kinds = new TreeMap<>();
        if (consistency != null && consistency.status() == ConsistencyOutcome.Status.DISCREPANCIES) {
            consistency.discrepancies().forEach(d -> kinds.put(d, 1L));
        }
        return kinds;
    }

    private enum Consignment { NONE, COMPLETE, INCOMPLETE, HANDLED }

    /**
     * RCEP Art 3.15: handled (stripped/stuffed) at a third location, else complete when it departed the
     * port of loading and arrived at the port of discharge, else incomplete; NONE without actual events.
     */
    private Consignment consignmentKind() {
        if (consignment == null) {
            return Consignment.NONE;
        }
        List<NodeEvent> events = consignment.evidence();
        if (events.isEmpty()) {
            return Consignment.NONE;
        }
        if (events.stream().anyMatch(e -> HANDLING.contains(e.code()) && isTransit(consignment, e.location()))) {
            return Consignment.HANDLED;
        }
        boolean departed = events.stream().anyMatch(e -> DEPARTURE.contains(e.code()) && at(consignment.portOfLoading(), e));
        boolean arrived = events.stream().anyMatch(e -> ARRIVAL.contains(e.code()) && at(consignment.portOfDischarge(), e));
        return departed && arrived ? Consignment.COMPLETE : Consignment.INCOMPLETE;
    }

    private static boolean at(String port, NodeEvent event) {
        return port == null || port.equals(event.location());
    }

    /** Somewhere other than the declared ports of loading and discharge (unknown when both are unknown). */
    private static boolean isTransit(ConsignmentEvidence c, String location) {
        if (location == null || (c.portOfLoading() == null && c.portOfDischarge() == null)) {
            return false;
        }
        return !location.equals(c.portOfLoading()) && !location.equals(c.portOfDischarge());
    }
}
