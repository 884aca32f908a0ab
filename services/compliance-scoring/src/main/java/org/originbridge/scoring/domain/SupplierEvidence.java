package org.originbridge.scoring.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Everything known about one supplier, keyed by declaration (and by event id inside a consignment),
 * so applying the same fact twice leaves the evidence unchanged: each event counts once.
 * Immutable; lists are kept sorted by declaration id so equal evidence compares equal.
 *
 * <p>The whole-history view of the model: the service never stores it (it keeps one
 * {@link DeclarationEvidence} per declaration and the supplier's {@link Tally}); it defines what
 * the incremental counters must equal ({@link #tally()}), which the tests check.
 */
public record SupplierEvidence(List<IntakeOutcome> intake, List<AswOutcome> asw, List<IssuanceOutcome> issuance,
        List<ConsignmentEvidence> consignments) {

    public static final SupplierEvidence NONE = new SupplierEvidence(List.of(), List.of(), List.of(), List.of());

    public SupplierEvidence {
        intake = sorted(intake, IntakeOutcome::declarationId);
        asw = sorted(asw, AswOutcome::declarationId);
        issuance = sorted(issuance, IssuanceOutcome::declarationId);
        consignments = sorted(consignments, ConsignmentEvidence::declarationId);
    }

    /** Intake outcome of a declaration; a replay overwrites the same entry. */
    public SupplierEvidence withIntake(IntakeOutcome outcome) {
        return new SupplierEvidence(replace(intake, IntakeOutcome::declarationId, outcome), asw, issuance, consignments);
    }

    /** ASW outcome of a declaration; an older verification than the one kept is ignored. */
    public SupplierEvidence withAsw(AswOutcome outcome) {
        Optional<AswOutcome> kept = find(asw, AswOutcome::declarationId, outcome.declarationId());
        if (kept.isPresent() && kept.get().at().isAfter(outcome.at())) {
            return this;
        }
        return new SupplierEvidence(intake, replace(asw, AswOutcome::declarationId, outcome), issuance, consignments);
    }

    /** Issuance status of a declaration; a lower sequence than the one kept is ignored. */
    public SupplierEvidence withIssuance(IssuanceOutcome outcome) {
        Optional<IssuanceOutcome> kept = find(issuance, IssuanceOutcome::declarationId, outcome.declarationId());
        if (kept.isPresent() && kept.get().sequence() > outcome.sequence()) {
            return this;
        }
        return new SupplierEvidence(intake, asw, replace(issuance, IssuanceOutcome::declarationId, outcome), consignments);
    }

    /** Port events of a declaration's consignment (ports from the declaration); an event id counts once. */
    public SupplierEvidence withNodeEvents(String declarationId, String portOfLoading, String portOfDischarge,
            Collection<NodeEvent> events) {
        ConsignmentEvidence consignment = find(consignments, ConsignmentEvidence::declarationId, declarationId)
                .map(c -> new ConsignmentEvidence(declarationId, portOfLoading, portOfDischarge, c.events()))
                .orElse(new ConsignmentEvidence(declarationId, portOfLoading, portOfDischarge, List.of()));
        for (NodeEvent event : events) {
            consignment = consignment.with(event);
        }
        return new SupplierEvidence(intake, asw, issuance,
                replace(consignments, ConsignmentEvidence::declarationId, consignment));
    }

    /** The supplier's counters: the sum of every declaration's {@link DeclarationEvidence#tally()}. */
    public Tally tally() {
        java.util.Map<String, DeclarationEvidence> byDeclaration = new java.util.TreeMap<>();
        intake.forEach(i -> byDeclaration.merge(i.declarationId(), DeclarationEvidence.none(i.declarationId()).withIntake(i),
                (a, b) -> a.withIntake(i)));
        asw.forEach(a -> byDeclaration.computeIfAbsent(a.declarationId(), DeclarationEvidence::none));
        asw.forEach(a -> byDeclaration.put(a.declarationId(), byDeclaration.get(a.declarationId()).withAsw(a)));
        issuance.forEach(i -> byDeclaration.put(i.declarationId(),
                byDeclaration.getOrDefault(i.declarationId(), DeclarationEvidence.none(i.declarationId())).withIssuance(i)));
        consignments.forEach(c -> byDeclaration.put(c.declarationId(),
                byDeclaration.getOrDefault(c.declarationId(), DeclarationEvidence.none(c.declarationId()))
                        .withNodeEvents(c.portOfLoading(), c.portOfDischarge(), c.events())));
        return byDeclaration.values().stream().map(DeclarationEvidence::tally).reduce(Tally.ZERO, Tally::plus);
    }

    /** The time of the newest piece of evidence (port events: actual ones only), if any. */
    public Optional<Instant> latestEvidenceAt() {
        return Stream.of(intake.stream().map(IntakeOutcome::at), asw.stream().map(AswOutcome::at),
                        issuance.stream().map(IssuanceOutcome::at),
                        consignments.stream().flatMap(c -> c.evidence().stream()).map(NodeEvent::at))
                .flatMap(Function.identity())
                .max(Comparator.naturalOrder());
    }

    private static <T> List<T> sorted(List<T> items, Function<T, String> key) {
        return items.stream().sorted(Comparator.comparing(key)).toList();
    }

    private static <T> List<T> replace(List<T> items, Function<T, String> key, T item) {
        List<T> next = new ArrayList<>(items.stream().filter(i -> !key.apply(i).equals(key.apply(item))).toList());
        next.add(item);
        return next;
    }

    private static <T> Optional<T> find(List<T> items, Function<T, String> key, String id) {
        return items.stream().filter(i -> key.apply(i).equals(id)).findFirst();
    }
}
