package org.originbridge.scoring.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The supplier compliance scoring model: six factors, each a value 0-100 with a base weight and a
 * human explanation. A factor without evidence gets weight 0 and its base weight is shared among
 * the factors that have evidence (proportionally, largest remainder), so the weights always add
 * up to 100. Score = round(sum(weight x value) / 100). Band: EXCELLENT >= 85, GOOD >= 70,
 * FAIR >= 50, POOR below; UNRATED while fewer than {@link ScoringPolicy#minimumDeclarations()}
 * declarations have an intake outcome. Pure and deterministic: the same evidence gives the same card.
 * It reads only a supplier's bounded {@link Tally} (counts per outcome, intake decisions per day of
 * the recency window), so a score costs the same whatever the supplier's history; recency counts
 * whole UTC days (the window's first day counts in full).
 */
public final class ScoringModel {

    public static final String INTAKE_ACCEPTANCE = "INTAKE_ACCEPTANCE";
    public static final String ASW_VERIFICATION = "ASW_VERIFICATION";
    public static final String ECO_ISSUANCE = "ECO_ISSUANCE";
    public static final String DIRECT_CONSIGNMENT = "DIRECT_CONSIGNMENT";
    public static final String RECENCY = "RECENCY";
    public static final String CROSS_SOURCE_CONSISTENCY = "CROSS_SOURCE_CONSISTENCY";

    /**
     * Base weights (percent) in factor order; they add up to 100. The first five are 0.8 x their weights before
     * the sixth factor came (30/25/20/15/10), so a supplier without consistency evidence keeps exactly the
     * weights (and the score) it had: 20 shared in proportion gives them back.
     */
    static final int W_INTAKE = 24;
    static final int W_ASW = 20;
    static final int W_ISSUANCE = 16;
    static final int W_CONSIGNMENT = 12;
    static final int W_RECENCY = 8;
    static final int W_CONSISTENCY = 20;
    /** At most this many kinds of discrepancy are named in the explanation (the rest are counted). */
    static final int NAMED_DISCREPANCIES = 5;

    private final ScoringPolicy policy;

    public ScoringModel(ScoringPolicy policy) {
        this.policy = Objects.requireNonNull(policy);
    }

    public ScoringPolicy policy() {
        return policy;
    }

    /** @return the card, or null when there is no evidence at all */
    public ScoreCard score(SupplierEvidence evidence) {
        return score(evidence.tally(), evidence.latestEvidenceAt().orElse(null));
    }

    /**
     * The card of a supplier's counters as of its newest evidence (null: no evidence at all).
     * Costs the same whatever the supplier's history: the tally is bounded.
     */
    public ScoreCard score(Tally tally, Instant asOf) {
        if (asOf == null) {
            return null;
        }
        List<Draft> drafts = List.of(intake(tally), asw(tally), issuance(tally), consignment(tally),
                recency(tally, asOf), consistency(tally));
        int[] weights = weights(drafts);
        List<ScoreFactor> factors = new ArrayList<>();
        long weighted = 0;
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            String explanation = d.hasEvidence() ? d.explanation()
                    : d.explanation() + "; its weight is shared among the factors with evidence";
            factors.add(new ScoreFactor(d.code(), d.name(), weights[i], d.value(), explanation));
            weighted += (long) weights[i] * d.value();
        }
        int score = (int) ((weighted + 50) / 100);
        long decided = tally.intakeDecided();
        ScoreBand band = decided < policy.minimumDeclarations() ? ScoreBand.UNRATED : ScoreBand.of(score);
        return new ScoreCard(score, band, factors, asOf);
    }

    /** The first UTC day (epoch day) inside the recency window that ends at {@code asOf}. */
    public long firstRecentDay(Instant asOf) {
        return asOf.minus(policy.recencyWindow()).atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    // ------------------------------------------------------------------ factors

    private Draft intake(Tally t) {
        long total = t.intakeDecided();
        long accepted = t.intakeAccepted();
        if (total == 0) {
            return Draft.none(INTAKE_ACCEPTANCE, "Intake acceptance", W_INTAKE, "No intake outcome yet");
        }
        int value = percent(accepted, total);
        return new Draft(INTAKE_ACCEPTANCE, "Intake acceptance", W_INTAKE, value, true,
                accepted + " of " + total + " declaration" + plural(total)
                        + " passed intake validation and the origin pre-check (" + value + "%)");
    }

    private Draft asw(Tally t) {
        long verified = t.aswVerified();
        long notVerified = t.aswNotVerified();
        long failed = t.aswOther();
        String failedNote = failed == 0 ? ""
                : "; " + failed + " check" + plural(failed) + " could not be completed (technical failure, not counted)";
        long counted = verified + notVerified;
        if (counted == 0) {
            return Draft.none(ASW_VERIFICATION, "Destination verification", W_ASW, "No completed verification with a destination's channel yet" + failedNote);
        }
        int value = percent(verified, counted);
        return new Draft(ASW_VERIFICATION, "Destination verification", W_ASW, value, true,
                verified + " of " + counted + " declaration" + plural(counted)
                        + " verified with the destination's channel (the ASEAN Single Window or the importing Party's customs) ("
                        + value + "%)" + failedNote);
    }

    private Draft issuance(Tally t) {
        long issued = t.issued();
        long rejected = t.issuanceRejected();
        long revoked = t.revoked();
        long open = t.issuanceOpen();
        long failed = t.issuanceFailed();
        StringBuilder notes = new StringBuilder();
        if (open > 0) {
            notes.append("; ").append(open).append(" application").append(plural(open)).append(" still open");
        }
        if (failed > 0) {
            notes.append("; ").append(failed).append(" request").append(plural(failed))
                    .append(" could not be submitted (not counted)");
        }
        long denominator = issued + rejected + 2 * revoked;
        if (denominator == 0) {
            return Draft.none(ECO_ISSUANCE, "e-CO issuance", W_ISSUANCE, "No final e-CO issuance outcome yet" + notes);
        }
        int value = percent(issued, denominator);
        return new Draft(ECO_ISSUANCE, "e-CO issuance", W_ISSUANCE, value, true,
                issued + " issued, " + rejected + " rejected, " + revoked
                        + " revoked (a revocation counts twice): " + issued + " / " + denominator + " = " + value + "%"
                        + notes);
    }

    private Draft consignment(Tally t) {
        long complete = t.consignmentsComplete();
        long incomplete = t.consignmentsIncomplete();
        long handled = t.consignmentsHandled();
        long total = complete + incomplete + handled;
        if (total == 0) {
            return Draft.none(DIRECT_CONSIGNMENT, "Direct consignment (Art 3.15)", W_CONSIGNMENT,
                    "No actual port event for any consignment yet");
        }
        int value = percent(100L * complete + 50L * incomplete, 100L * total);
        StringBuilder text = new StringBuilder()
                .append(total).append(" consignment").append(plural(total)).append(" with port events: ")
                .append(complete).append(" complete (departure and arrival, no handling in transit: 100), ")
                .append(incomplete).append(" missing a departure or arrival milestone (50), ")
                .append(handled).append(" handled in transit (0)");
        if (!t.handling().isEmpty()) {
            text.append(": ").append(String.join(", ", t.handling().keySet()));
        }
        text.append("; average ").append(value);
        return new Draft(DIRECT_CONSIGNMENT, "Direct consignment (Art 3.15)", W_CONSIGNMENT, value, true, text.toString());
    }

    private Draft recency(Tally t, Instant asOf) {
        long total = t.intakeDecided();
        long days = policy.recencyWindow().toDays();
        if (total == 0) {
            return Draft.none(RECENCY, "Recency", W_RECENCY, "No declaration decided yet");
        }
        long recent = t.intakeSince(firstRecentDay(asOf));
        int value = percent(recent, total);
        return new Draft(RECENCY, "Recency", W_RECENCY, value, true,
                recent + " of " + total + " declaration" + plural(total) + " decided within the " + days
                        + " days before the latest evidence (" + value + "%)");
    }

    private Draft consistency(Tally t) {
        long checked = t.consistencyChecked();
        String name = "Cross-source consistency";
        if (checked == 0) {
            return Draft.none(CROSS_SOURCE_CONSISTENCY, name, W_CONSISTENCY,
                    "No declaration checked against its issued e-CO or its voyage yet");
        }
        long clean = checked - t.consistencyDiscrepant();
        int value = percent(clean, checked);
        StringBuilder text = new StringBuilder().append(clean).append(" of ").append(checked)
                .append(" declaration").append(plural(checked))
                .append(" checked against the issued e-CO and the voyage with no discrepancy (").append(value).append("%)");
        if (!t.discrepancies().isEmpty()) {
            List<String> named = t.discrepancies().entrySet().stream()
                    .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(java.util.Map.Entry.comparingByKey()))
                    .limit(NAMED_DISCREPANCIES)
                    .map(e -> e.getKey() + " in " + e.getValue() + " declaration" + plural(e.getValue())).toList();
            text.append("; discrepancies: ").append(String.join(", ", named));
            int more = t.discrepancies().size() - named.size();
            if (more > 0) {
                text.append(" and ").append(more).append(" other kind").append(plural(more));
            }
        }
        return new Draft(CROSS_SOURCE_CONSISTENCY, name, W_CONSISTENCY, value, true, text.toString());
    }

    // ------------------------------------------------------------------ arithmetic

    /** Base weights of the factors with evidence scaled to 100 (largest remainder, ties to the earlier factor). */
    static int[] weights(List<Draft> drafts) {
        int[] weights = new int[drafts.size()];
        int active = drafts.stream().filter(Draft::hasEvidence).mapToInt(Draft::baseWeight).sum();
        if (active == 0) {
            for (int i = 0; i < weights.length; i++) {
                weights[i] = drafts.get(i).baseWeight();
            }
            return weights;
        }
        int[] remainders = new int[drafts.size()];
        int assigned = 0;
        for (int i = 0; i < drafts.size(); i++) {
            if (drafts.get(i).hasEvidence()) {
                int scaled = drafts.get(i).baseWeight() * 100;
                weights[i] = scaled / active;
                remainders[i] = scaled % active;
                assigned += weights[i];
            } else {
                remainders[i] = -1;
            }
        }
        while (assigned < 100) {
            int best = -1;
            for (int i = 0; i < remainders.length; i++) {
                if (remainders[i] >= 0 && (best < 0 || remainders[i] > remainders[best])) {
                    best = i;
                }
            }
            weights[best]++;
            remainders[best] = -1;
            assigned++;
        }
        return weights;
    }

    /** round(100 x part / whole), halves up, in integers. */
    static int percent(long part, long whole) {
        return (int) ((200 * part + whole) / (2 * whole));
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }

    record Draft(String code, String name, int baseWeight, int value, boolean hasEvidence, String explanation) {
        static Draft none(String code, String name, int baseWeight, String explanation) {
            return new Draft(code, name, baseWeight, 0, false, explanation);
        }
    }
}
