package org.originbridge.scoring.domain;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * The bounded counters a supplier's score is computed from: how many of its declarations are in
 * each outcome of each factor. Its size does not depend on how many declarations a supplier has:
 * {@code handling} holds one entry per (code, location) of handling in transit seen, and
 * {@code intakeByDay} one entry per UTC day of intake decisions inside the recency window (older
 * days are pruned by {@link #pruneBefore}, since the window only moves forward), {@code discrepancies}
 * one entry per kind of discrepancy ({@code field (source)}) standing in a checked declaration.
 *
 * <p>A declaration contributes a tally of its own ({@link DeclarationEvidence#tally()}); the
 * supplier's tally is the sum, kept current by adding {@code next - previous} whenever one
 * declaration's evidence changes.
 */
public record Tally(long intakeAccepted, long intakeRejected, long aswVerified, long aswNotVerified, long aswOther,
        long issued, long issuanceRejected, long revoked, long issuanceOpen, long issuanceFailed,
        long consignmentsComplete, long consignmentsIncomplete, long consignmentsHandled,
        Map<String, Long> handling, Map<Long, Long> intakeByDay,
        long consistencyChecked, long consistencyDiscrepant, Map<String, Long> discrepancies) {

    public static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of());

    public Tally {
        handling = withoutZeros(Objects.requireNonNull(handling, "handling"));
        intakeByDay = withoutZeros(Objects.requireNonNull(intakeByDay, "intakeByDay"));
        discrepancies = withoutZeros(Objects.requireNonNull(discrepancies, "discrepancies"));
    }

    /** Without consistency evidence. */
    public Tally(long intakeAccepted, long intakeRejected, long aswVerified, long aswNotVerified, long aswOther,
            long issued, long issuanceRejected, long revoked, long issuanceOpen, long issuanceFailed,
            long consignmentsComplete, long consignmentsIncomplete, long consignmentsHandled,
            Map<String, Long> handling, Map<Long, Long> intakeByDay) {
        this(intakeAccepted, intakeRejected, aswVerified, aswNotVerified, aswOther, issued, issuanceRejected, revoked,
                issuanceOpen, issuanceFailed, consignmentsComplete, consignmentsIncomplete, consignmentsHandled, handling,
                intakeByDay, 0, 0, Map.of());
    }

    public long intakeDecided() {
        return intakeAccepted + intakeRejected;
    }

    /** Intake decisions on {@code firstDay} (epoch day, UTC) or later. */
    public long intakeSince(long firstDay) {
        return intakeByDay.entrySet().stream().filter(e -> e.getKey() >= firstDay).mapToLong(Map.Entry::getValue).sum();
    }

    public Tally plus(Tally other) {
        return combine(other, Long::sum);
    }

    public Tally minus(Tally other) {
        return combine(other, (a, b) -> a - b);
    }

    /** Without the intake days before {@code firstDay}: they can never be recent again. */
    public Tally pruneBefore(long firstDay) {
        Map<Long, Long> kept = new TreeMap<>(intakeByDay);
        kept.keySet().removeIf(day -> day < firstDay);
        return new Tally(intakeAccepted, intakeRejected, aswVerified, aswNotVerified, aswOther, issued,
                issuanceRejected, revoked, issuanceOpen, issuanceFailed, consignmentsComplete, consignmentsIncomplete,
                consignmentsHandled, handling, kept, consistencyChecked, consistencyDiscrepant, discrepancies);
    }

    private Tally combine(Tally o, BinaryOperator<Long> op) {
        return new Tally(op.apply(intakeAccepted, o.intakeAccepted), op.apply(intakeRejected, o.intakeRejected),
                op.apply(aswVerified, o.aswVerified), op.apply(aswNotVerified, o.aswNotVerified),
                op.apply(aswOther, o.aswOther), op.apply(issued, o.issued),
                op.apply(issuanceRejected, o.issuanceRejected), op.apply(revoked, o.revoked),
                op.apply(issuanceOpen, o.issuanceOpen), op.apply(issuanceFailed, o.issuanceFailed),
                op.apply(consignmentsComplete, o.consignmentsComplete),
                op.apply(consignmentsIncomplete, o.consignmentsIncomplete),
                op.apply(consignmentsHandled, o.consignmentsHandled), merge(handling, o.handling, op),
                merge(intakeByDay, o.intakeByDay, op), op.apply(consistencyChecked, o.consistencyChecked),
                op.apply(consistencyDiscrepant, o.consistencyDiscrepant), merge(discrepancies, o.discrepancies, op));
    }

    private static <K extends Comparable<K>> Map<K, Long> merge(Map<K, Long> a, Map<K, Long> b, BinaryOperator<Long> op) {
        Map<K, Long> out = new TreeMap<>(a);
        b.forEach((k, v) -> out.put(k, op.apply(out.getOrDefault(k, 0L), v)));
        return out;
    }

    private static <K> Map<K, Long> withoutZeros(Map<K, Long> map) {
        Map<K, Long> out = new TreeMap<>();
        map.forEach((k, v) -> {
            if (v != 0) {
                out.put(k, v);
            }
        });
        return java.util.Collections.unmodifiableMap(out);
    }
}
