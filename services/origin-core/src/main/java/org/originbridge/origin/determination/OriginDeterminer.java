package org.originbridge.origin.determination;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.code.HsCode;
import org.originbridge.origin.rule.Rule;
import org.originbridge.origin.rule.RuleEntry;
import org.originbridge.origin.rule.RuleTable;

/**
 * Decides whether a good is originating under its product-specific rule (RCEP Chapter 3 and Annex 3A headnotes).
 * Stateless and thread-safe; build one per rule table and share it.
 */
public final class OriginDeterminer {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal DE_MINIMIS_PERCENT = BigDecimal.TEN;

    private final RuleTable table;

    public OriginDeterminer(RuleTable table) {
        this.table = table;
    }

    /** A determiner over the rule table shipped in the module ({@link RuleTable#loadDefault()}). */
    public static OriginDeterminer withDefaultTable() {
        return new OriginDeterminer(RuleTable.loadDefault());
    }

    /**
     * Determines origin. The request's rule wins; otherwise the table's rule for the subheading, heading or chapter.
     * Rejected (field {@code rule}, code {@code NO_RULE}) only when neither has a rule.
     */
    public DeterminationOutcome determine(DeterminationRequest request) {
        Rule rule;
        RuleSource source;
        if (request.rule() != null) {
            rule = request.rule();
            source = RuleSource.request();
        } else {
            Optional<RuleEntry> entry = table.lookup(request.hsCode());
            if (entry.isEmpty()) {
                return new DeterminationOutcome.Rejected(List.of(new FieldError("rule", ErrorCodes.NO_RULE,
                        "no rule given and the rule table has none for HS " + request.hsCode()
                                + " (nor its heading " + request.hsCode().heading() + " or chapter "
                                + request.hsCode().chapter() + "); supply one, e.g. \"rule\": \"CTH or RVC40\"")));
            }
            rule = entry.get().rule();
            source = RuleSource.table(entry.get().hsPrefix(), entry.get().provenance());
        }
        return new DeterminationOutcome.Determined(new Evaluation(request).run(rule, source));
    }

    /** The evaluation of one request: holds the request and the material labels. */
    private static final class Evaluation {
        private final DeterminationRequest request;
        private final HsCode product;
        private final List<Material> materials;
        private final RvcFigures rvc;
        private final List<DeMinimisResult> deMinimisConsidered = new ArrayList<>();

        Evaluation(DeterminationRequest request) {
            this.request = request;
            this.product = request.hsCode();
            this.materials = request.materials();
            this.rvc = RvcCalculator.compute(request.rvcMethod(), request.fobValue(), materials, request.costs());
        }

        Determination run(Rule rule, RuleSource source) {
            List<AlternativeResult> alternatives = new ArrayList<>();
            Optional<DeMinimisResult> deMinimis = Optional.empty();
            for (Rule alternative : rule.topLevelAlternatives()) {
                int before = deMinimisConsidered.size();
                Outcome outcome = evaluate(alternative);
                alternatives.add(new AlternativeResult(alternative, outcome.met, outcome.reasons));
                List<DeMinimisResult> here = deMinimisConsidered.subList(before, deMinimisConsidered.size());
                if (outcome.met && deMinimis.isEmpty()) {
                    deMinimis = here.stream().filter(DeMinimisResult::met).findFirst();
                }
            }
            if (deMinimis.isEmpty() && !deMinimisConsidered.isEmpty()) {
                deMinimis = Optional.of(deMinimisConsidered.get(0));
            }
            boolean originating = alternatives.stream().anyMatch(AlternativeResult::met);

            List<String> reasons = new ArrayList<>();
            if (originating) {
                reasons.add("originating: rule '" + rule.text() + "' is met through "
                        + alternatives.stream().filter(AlternativeResult::met).map(a -> "'" + a.rule().text() + "'")
                        .collect(Collectors.joining(", ")));
            } else {
                reasons.add("not originating: " + (alternatives.size() == 1
                        ? "rule '" + rule.text() + "' is not met"
                        : "none of the alternatives of '" + rule.text() + "' is met"));
            }
            reasons.add("rule from " + (source.kind() == RuleSource.Kind.REQUEST ? "the request"
                    : "the rule table (HS " + source.hsPrefix() + "; " + source.provenance() + ")"));
            if (materials.stream().noneMatch(m -> !m.indirect())) {
                reasons.add("no bill of materials was given: a change in tariff classification is judged on no "
                        + "non-originating materials and VNM is 0; check that this is intended");
            }
            long undetermined = materials.stream().filter(m -> !m.indirect() && m.origin() == MaterialOrigin.UNDETERMINED).count();
            if (undetermined > 0) {
                reasons.add(undetermined + " material(s) of undetermined origin treated as non-originating");
            }
            long indirect = materials.stream().filter(Material::indirect).count();
            if (indirect > 0) {
                reasons.add(indirect + " indirect material(s) treated as originating (Art 3.10)");
            }
            if (request.onlyMinimalOperations()) {
                reasons.add("only minimal operations were performed (Art 3.6)" + operationsText());
            }
            return new Determination(originating, product, rule, source, rvc, alternatives, deMinimis, reasons);
        }

        private Outcome evaluate(Rule rule) {
            if (rule instanceof Rule.WhollyObtained) {
                return whollyObtained();
            } else if (rule instanceof Rule.ProducedExclusively) {
                return producedExclusively();
            } else if (rule instanceof Rule.TariffChange ctc) {
                return tariffChange(ctc);
            } else if (rule instanceof Rule.RegionalValueContent r) {
                return regionalValueContent(r);
            } else if (rule instanceof Rule.ChemicalReaction) {
                return chemicalReaction();
            } else if (rule instanceof Rule.AllOf all) {
                return allOf(all);
            } else if (rule instanceof Rule.AnyOf any) {
                return anyOf(any);
            }
            throw new IllegalStateException("unknown rule " + rule);
        }

        private Outcome allOf(Rule.AllOf all) {
            boolean met = true;
            List<String> reasons = new ArrayList<>();
            for (Rule requirement : all.requirements()) {
                Outcome o = evaluate(requirement);
                met &= o.met;
                reasons.add(requirement.text() + (o.met ? " met" : " not met"));
                reasons.addAll(o.reasons);
            }
            return new Outcome(met, reasons);
        }

        private Outcome anyOf(Rule.AnyOf any) {
            boolean met = false;
            List<String> reasons = new ArrayList<>();
            for (Rule alternative : any.alternatives()) {
                Outcome o = evaluate(alternative);
                met |= o.met;
                reasons.add(alternative.text() + (o.met ? " met" : " not met"));
                reasons.addAll(o.reasons);
            }
            return new Outcome(met, reasons);
        }

        private Outcome whollyObtained() {
            List<Material> nonOriginating = nonOriginating();
            if (request.whollyObtained()) {
                if (nonOriginating.isEmpty()) {
                    return new Outcome(true, List.of("declared wholly obtained or produced (Art 3.3)"));
                }
                return new Outcome(false, List.of("declared wholly obtained, but the bill of materials lists "
                        + nonOriginating.size() + " non-originating material(s): " + labels(nonOriginating)));
            }
            Outcome pe = producedExclusively();
            List<String> reasons = new ArrayList<>();
            reasons.add(pe.met ? "met through PE (a WO rule is also met by PE)"
                    : "not declared wholly obtained (Art 3.3) and not met through PE");
            reasons.addAll(pe.reasons);
            return new Outcome(pe.met, reasons);
        }

        private Outcome producedExclusively() {
            List<Material> direct = materials.stream().filter(m -> !m.indirect()).toList();
            if (direct.isEmpty()) {
                return new Outcome(false, List.of("PE needs a bill of materials, and none (other than indirect materials) is listed"));
            }
            List<Material> nonOriginating = nonOriginating();
            if (nonOriginating.isEmpty()) {
                return new Outcome(true, List.of("all " + direct.size()
                        + " material(s) are originating in an RCEP Party (cumulation, Art 3.4)"));
            }
            List<String> reasons = new ArrayList<>();
            for (Material m : nonOriginating) {
                reasons.add(label(m) + " is " + originText(m) + ", so the good is not produced exclusively from originating materials");
            }
            return new Outcome(false, reasons);
        }

        private Outcome tariffChange(Rule.TariffChange ctc) {
            Optional<Outcome> blocked = blockedByMinimalOperations(ctc);
            if (blocked.isPresent()) {
                return blocked.get();
            }
            Rule.Level level = ctc.level();
            String productPart = product.prefix(level.digits());
            List<String> reasons = new ArrayList<>();
            List<Material> failing = new ArrayList<>();
            for (Material m : nonOriginating()) {
                String materialPart = m.hsCode().prefix(level.digits());
                if (materialPart.equals(productPart)) {
                    failing.add(m);
                    reasons.add(label(m) + ", " + originText(m) + ", does not change " + level.noun() + ": "
                            + materialPart + " -> " + productPart);
                } else {
                    reasons.add(label(m) + ", " + originText(m) + ", changes " + level.noun() + ": "
                            + materialPart + " -> " + productPart);
                }
            }
            if (nonOriginating().isEmpty()) {
                reasons.add("no non-originating materials: the change in tariff classification applies only to them");
            }
            if (failing.isEmpty()) {
                return new Outcome(true, reasons);
            }
            DeMinimisResult deMinimis = deMinimis(ctc, failing);
            deMinimisConsidered.add(deMinimis);
            reasons.add(deMinimisText(deMinimis));
            return new Outcome(deMinimis.met(), reasons);
        }

        private DeMinimisResult deMinimis(Rule.TariffChange ctc, List<Material> failing) {
            BigDecimal fob = request.fobValue();
            BigDecimal failingValue = failing.stream().map(Material::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean valueMet = failingValue.multiply(HUNDRED).compareTo(DE_MINIMIS_PERCENT.multiply(fob)) <= 0;

            BigDecimal failingWeight = null;
            BigDecimal weightPercent = null;
            boolean weightMet = false;
            int chapter = product.chapterNumber();
            if (chapter >= 50 && chapter <= 63 && request.netWeightKg() != null
                    && failing.stream().allMatch(m -> m.netWeightKg() != null)) {
                failingWeight = failing.stream().map(Material::netWeightKg).reduce(BigDecimal.ZERO, BigDecimal::add);
                weightPercent = RvcCalculator.percent(failingWeight, request.netWeightKg());
                weightMet = failingWeight.multiply(HUNDRED)
                        .compareTo(DE_MINIMIS_PERCENT.multiply(request.netWeightKg())) <= 0;
            }
            return new DeMinimisResult(ctc.text(), labels(failing), failingValue,
                    RvcCalculator.percent(failingValue, fob), valueMet, failingWeight, weightPercent, weightMet,
                    valueMet || weightMet);
        }

        private String deMinimisText(DeMinimisResult d) {
            StringBuilder s = new StringBuilder("de minimis (Art 3.7) by value: failing materials' value ")
                    .append(d.failingValue().toPlainString()).append(" is ").append(d.valuePercent().toPlainString())
                    .append("% of FOB ").append(request.fobValue().toPlainString())
                    .append(d.valueTestMet() ? " (<= 10%): met" : " (> 10%): not met");
            int chapter = product.chapterNumber();
            if (chapter >= 50 && chapter <= 63) {
                if (d.failingWeightKg() == null) {
                    s.append("; by weight: not applicable (the good's net weight or a failing material's weight is missing)");
                } else {
                    s.append("; by weight (chapters 50-63): ").append(d.failingWeightKg().toPlainString())
                            .append(" kg is ").append(d.weightPercent().toPlainString()).append("% of ")
                            .append(request.netWeightKg().toPlainString()).append(" kg")
                            .append(d.weightTestMet() ? " (<= 10%): met" : " (> 10%): not met");
                }
            }
            if (d.met()) {
                s.append("; the materials' value still counts in VNM");
            }
            return s.toString();
        }

        private Outcome regionalValueContent(Rule.RegionalValueContent r) {
            Optional<Outcome> blocked = blockedByMinimalOperations(r);
            if (blocked.isPresent()) {
                return blocked.get();
            }
            boolean met = RvcCalculator.meets(rvc, r.threshold());
            String formula = rvc.method() == RvcMethod.BUILD_DOWN
                    ? "RVC (build-down) = (FOB " + plain(rvc.fob()) + " - VNM " + plain(rvc.vnm()) + ") / FOB "
                    + plain(rvc.fob()) + " x 100"
                    : "RVC (build-up) = (VOM " + plain(rvc.vom()) + " + costs " + plain(rvc.buildUpCosts())
                    + ") / FOB " + plain(rvc.fob()) + " x 100";
            String verdict = met ? " >= " + r.threshold() + "%: met" : " < " + r.threshold() + "%: not met";
            List<String> reasons = new ArrayList<>();
            reasons.add(formula + " = " + plain(rvc.percent()) + "%" + verdict + " (compared exactly, not on the rounded figure)");
            if (rvc.method() == RvcMethod.BUILD_DOWN) {
                BigDecimal deductions = nonOriginating().stream().map(Material::deductibleCosts)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                if (deductions.signum() > 0) {
                    reasons.add("VNM is after deducting " + plain(deductions) + " of freight, insurance, duties and similar costs (Art 3.5)");
                }
            }
            return new Outcome(met, reasons);
        }

        private Outcome chemicalReaction() {
            Optional<Outcome> blocked = blockedByMinimalOperations(new Rule.ChemicalReaction());
            if (blocked.isPresent()) {
                return blocked.get();
            }
            return request.chemicalReaction()
                    ? new Outcome(true, List.of("a chemical reaction is declared to have taken place in the Party"))
                    : new Outcome(false, List.of("no chemical reaction is declared (set chemicalReaction: true with evidence)"));
        }

        private Optional<Outcome> blockedByMinimalOperations(Rule rule) {
            if (request.onlyMinimalOperations() && !nonOriginating().isEmpty()) {
                return Optional.of(new Outcome(false, List.of("only minimal operations were performed" + operationsText()
                        + "; they confer no origin on the " + nonOriginating().size()
                        + " non-originating material(s) (Art 3.6), so " + rule.text() + " cannot be met")));
            }
            return Optional.empty();
        }

        private String operationsText() {
            return request.operations().isEmpty() ? "" : " (" + String.join(", ", request.operations()) + ")";
        }

        private List<Material> nonOriginating() {
            return materials.stream().filter(Material::countsAsNonOriginating).toList();
        }

        private List<String> labels(List<Material> list) {
            return list.stream().map(this::label).toList();
        }

        private String label(Material m) {
            String name;
            if (m.id() != null && !m.id().isBlank()) {
                name = m.id();
            } else if (m.description() != null && !m.description().isBlank()) {
                name = m.description();
            } else {
                name = "materials[" + materials.indexOf(m) + "]";
            }
            return "material '" + name + "' (HS " + m.hsCode() + ")";
        }

        private static String originText(Material m) {
            return m.origin() == MaterialOrigin.UNDETERMINED ? "undetermined origin, treated as non-originating"
                    : "non-originating";
        }

        private static String plain(BigDecimal v) {
            return v.toPlainString();
        }
    }

    private record Outcome(boolean met, List<String> reasons) {
    }
}
