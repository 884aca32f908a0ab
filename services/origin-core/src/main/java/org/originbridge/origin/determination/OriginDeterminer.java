package org.originbridge.origin.determination;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.code.HsCode;
import org.originbridge.origin.rule.Rule;
import org.originbridge.origin.rule.RuleEntry;
import org.originbridge.origin.rule.RuleLookup;
import org.originbridge.origin.rule.RuleTable;

/**
 * Decides whether a good is originating under RCEP Chapter 3 and Annex 3A, and names every provision it applied.
 * <ul>
 *   <li>Art 3.2: a good is originating when it is (a) wholly obtained or produced (Art 3.3), (b) produced exclusively
 *       from originating materials, or (c) meets its product-specific rule; (a) and (b) apply to all tariff lines
 *       (Annex 3A headnote 2), whatever the product-specific rule says.</li>
 *   <li>No origin without evidence: a change in tariff classification or a value content cannot be judged without a
 *       bill of materials; such a request is {@link DeterminationStatus#NOT_DETERMINED} unless WO or PE is shown.</li>
 *   <li>Art 3.6 (a closed list, {@link MinimalOperation}) prevails over every product-specific rule for goods
 *       made from non-originating materials.</li>
 * </ul>
 * Stateless and thread-safe; build one per rule table and share it.
 */
public final class OriginDeterminer {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal DE_MINIMIS_PERCENT = BigDecimal.TEN;

    private final RuleLookup table;

    /** A determiner looking rules up in {@code table} (a {@link RuleTable}, or a versioned table with correlation). */
    public OriginDeterminer(RuleLookup table) {
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

    /** Three-valued result of a requirement: met, not met, or not judgeable on the evidence given. */
    private enum Result {
        MET, NOT_MET, UNDETERMINED;

        static Result of(boolean met) {
            return met ? MET : NOT_MET;
        }
    }

    /** The evaluation of one request: holds the request, the material labels and the provisions applied. */
    private static final class Evaluation {
        private final DeterminationRequest request;
        private final HsCode product;
        private final List<Material> materials;
        private final List<Material> direct;
        private final RvcFigures rvc;
        private final MinimalOperations minimal;
        private final List<DeMinimisResult> deMinimisConsidered = new ArrayList<>();
        private final Map<String, AppliedArticle> articles = new LinkedHashMap<>();

        Evaluation(DeterminationRequest request) {
            this.request = request;
            this.product = request.hsCode();
            this.materials = request.materials();
            this.direct = materials.stream().filter(m -> m.role() == MaterialRole.DIRECT).toList();
            this.rvc = RvcCalculator.compute(request.rvcMethod(), request.fobValue(), materials, request.costs());
            this.minimal = request.minimalOperations();
        }

        Determination run(Rule rule, RuleSource source) {
            List<String> reasons = new ArrayList<>();

            // Art 3.2(a) and (b): apply to all tariff lines (Annex 3A headnote 2)
            Optional<Outcome> whollyObtainedRoute = request.whollyObtained() ? Optional.of(whollyObtainedDeclared())
                    : Optional.empty();
            boolean viaWo = whollyObtainedRoute.map(o -> o.result == Result.MET).orElse(false);
            boolean viaPe = !direct.isEmpty() && nonOriginating().isEmpty();

            // Art 3.2(c): the product-specific rule, each top-level alternative (Annex 3A headnote 4)
            apply("3.2(c)", "originating goods: satisfies the product-specific rule in Annex 3A");
            if (rule.topLevelAlternatives().size() > 1) {
                apply("Annex 3A headnote 4", "alternative rules: meeting one of them is enough");
            }
            List<AlternativeResult> alternatives = new ArrayList<>();
            Optional<DeMinimisResult> deMinimis = Optional.empty();
            for (Rule alternative : rule.topLevelAlternatives()) {
                int before = deMinimisConsidered.size();
                Outcome outcome = evaluate(alternative);
                alternatives.add(new AlternativeResult(alternative, outcome.result == Result.MET, outcome.reasons,
                        outcome.result != Result.UNDETERMINED));
                List<DeMinimisResult> here = deMinimisConsidered.subList(before, deMinimisConsidered.size());
                if (outcome.result == Result.MET && deMinimis.isEmpty()) {
                    deMinimis = here.stream().filter(DeMinimisResult::met).findFirst();
                }
            }
            if (deMinimis.isEmpty() && !deMinimisConsidered.isEmpty()) {
                deMinimis = Optional.of(deMinimisConsidered.get(0));
            }
            boolean viaRule = alternatives.stream().anyMatch(AlternativeResult::met);
            boolean ruleUndetermined = !viaRule && alternatives.stream().anyMatch(a -> !a.determined());

            DeterminationStatus status = viaRule || viaWo || viaPe ? DeterminationStatus.ORIGINATING
                    : ruleUndetermined ? DeterminationStatus.NOT_DETERMINED : DeterminationStatus.NOT_ORIGINATING;

            if (viaRule) {
                reasons.add("originating: rule '" + rule.text() + "' is met through "
                        + alternatives.stream().filter(AlternativeResult::met).map(a -> "'" + a.rule().text() + "'")
                        .collect(Collectors.joining(", ")));
            } else if (viaWo) {
                reasons.add("originating: wholly obtained or produced (Art 3.2(a), Art 3.3), which applies to all "
                        + "tariff lines (Annex 3A headnote 2) although rule '" + rule.text() + "' is not met");
            } else if (viaPe) {
                reasons.add("originating: produced exclusively from originating materials (Art 3.2(b)), which applies "
                        + "to all tariff lines (Annex 3A headnote 2) although rule '" + rule.text() + "' is not met");
            } else if (status == DeterminationStatus.NOT_DETERMINED) {
                reasons.add("not determined: rule '" + rule.text() + "' cannot be judged without a bill of materials "
                        + "(a change in tariff classification or a value content is judged on the materials used), "
                        + "and neither WO (Art 3.2(a), declared with whollyObtained) nor PE (Art 3.2(b), a bill of "
                        + "materials of originating materials) is shown: give the bill of materials");
            } else {
                reasons.add("not originating: " + (alternatives.size() == 1
                        ? "rule '" + rule.text() + "' is not met"
                        : "none of the alternatives of '" + rule.text() + "' is met"));
            }
            reasons.add("rule from " + (source.kind() == RuleSource.Kind.REQUEST ? "the request"
                    : "the rule table (HS " + source.hsPrefix() + "; " + source.provenance() + ")"));

            whollyObtainedRoute.ifPresent(o -> {
                apply("3.2(a)", "originating goods: wholly obtained or produced");
                apply("3.3", "goods wholly obtained or produced");
                reasons.addAll(o.reasons);
            });
            if (viaWo || viaPe) {
                apply("Annex 3A headnote 2", "WO and PE apply to all tariff lines");
            }
            if (viaPe) {
                apply("3.2(b)", "originating goods: produced exclusively from originating materials");
                if (!viaRule) {
                    reasons.add("all " + direct.size() + " material(s) are originating in an RCEP Party (Art 3.2(b), "
                            + "cumulation Art 3.4)");
                }
            }
            if (direct.isEmpty()) {
                reasons.add("no bill of materials was given (no direct material is listed)");
            }
            materialArticles(reasons);
            if (minimal.flagged() || !request.operations().isEmpty()) {
                minimalOperationsReasons(reasons);
            }
            List<AppliedArticle> applied = articles.values().stream().sorted(ARTICLE_ORDER).toList();
            Optional<MinimalOperations> operations = minimal.flagged() || !request.operations().isEmpty()
                    ? Optional.of(minimal) : Optional.empty();
            return new Determination(status == DeterminationStatus.ORIGINATING, product, rule, source, rvc,
                    alternatives, deMinimis, reasons, status, applied, operations);
        }

        private void materialArticles(List<String> reasons) {
            if (direct.stream().anyMatch(m -> m.origin() == MaterialOrigin.ORIGINATING)) {
                apply("3.4", "cumulation: materials originating in any Party count as originating");
            }
            long undetermined = materials.stream().filter(m -> m.role() != MaterialRole.INDIRECT
                    && m.role() != MaterialRole.TRANSPORT_PACKING && m.origin() == MaterialOrigin.UNDETERMINED).count();
            if (undetermined > 0) {
                apply("3.5.4", "a material of undetermined origin is non-originating");
                reasons.add(undetermined + " material(s) of undetermined origin treated as non-originating");
            }
            count(MaterialRole.TRANSPORT_PACKING).ifPresent(n -> {
                apply("3.8.1", "packing materials and containers for transportation are not taken into account");
                reasons.add(n + " transport packing line(s) not taken into account (Art 3.8.1)");
            });
            count(MaterialRole.RETAIL_PACKAGING).ifPresent(n -> {
                apply("3.8.2", "retail packaging classified with the good: disregarded for origin, counted in RVC");
                reasons.add(n + " retail packaging line(s) disregarded for WO, PE and the change in tariff "
                        + "classification, counted as what they are in RVC (Art 3.8.2)");
            });
            count(MaterialRole.ACCESSORY).ifPresent(n -> {
                apply("3.9", "accessories, spare parts and tools: disregarded for origin, counted in RVC");
                reasons.add(n + " accessory, spare part or tool line(s) disregarded for WO, PE and the change in "
                        + "tariff classification, counted as what they are in RVC (Art 3.9)");
            });
            count(MaterialRole.INDIRECT).ifPresent(n -> {
                apply("3.10", "indirect materials are treated as originating");
                reasons.add(n + " indirect material(s) treated as originating (Art 3.10)");
            });
        }

        private Optional<Long> count(MaterialRole role) {
            long n = materials.stream().filter(m -> m.role() == role).count();
            return n == 0 ? Optional.empty() : Optional.of(n);
        }

        private void minimalOperationsReasons(List<String> reasons) {
            if (minimal.onlyMinimal()) {
                apply(minimal.article(), minimal.subparagraphs().size() == 1
                        ? "minimal operations: " + minimal.subparagraphs().get(0).text()
                        : "minimal operations" + (minimal.subparagraphs().isEmpty() ? "" : ": any combination of (a) to (j)"));
                reasons.add("only minimal operations were performed" + operationsText() + ": " + minimal.describe());
                return;
            }
            apply("3.6", "minimal operations: a closed list; the declared operations go beyond it");
            List<String> beyond = new ArrayList<>();
            minimal.otherAgreement().forEach(op -> beyond.add("'" + op + "' is listed as insufficient in other "
                    + "agreements (EU, UK) but not in RCEP Art 3.6"));
            minimal.beyondList().forEach(op -> beyond.add("'" + op + "' is not in the Art 3.6 list"));
            reasons.add("operations go beyond minimal operations (Art 3.6 is a closed list): " + String.join("; ", beyond)
                    + (minimal.matched().isEmpty() ? "" : "; the others are " + minimal.describe()));
        }

        private void apply(String article, String title) {
            articles.putIfAbsent(article, new AppliedArticle(article, title));
        }

        private Outcome evaluate(Rule rule) {
            if (rule instanceof Rule.WhollyObtained) {
                return whollyObtainedRule();
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
            boolean anyNotMet = false;
            boolean anyUndetermined = false;
            List<String> reasons = new ArrayList<>();
            for (Rule requirement : all.requirements()) {
                Outcome o = evaluate(requirement);
                anyNotMet |= o.result == Result.NOT_MET;
                anyUndetermined |= o.result == Result.UNDETERMINED;
                reasons.add(requirement.text() + " " + text(o.result));
                reasons.addAll(o.reasons);
            }
            return new Outcome(anyNotMet ? Result.NOT_MET : anyUndetermined ? Result.UNDETERMINED : Result.MET, reasons);
        }

        private Outcome anyOf(Rule.AnyOf any) {
            boolean anyMet = false;
            boolean anyUndetermined = false;
            List<String> reasons = new ArrayList<>();
            for (Rule alternative : any.alternatives()) {
                Outcome o = evaluate(alternative);
                anyMet |= o.result == Result.MET;
                anyUndetermined |= o.result == Result.UNDETERMINED;
                reasons.add(alternative.text() + " " + text(o.result));
                reasons.addAll(o.reasons);
            }
            return new Outcome(anyMet ? Result.MET : anyUndetermined ? Result.UNDETERMINED : Result.NOT_MET, reasons);
        }

        private static String text(Result r) {
            return switch (r) {
                case MET -> "met";
                case NOT_MET -> "not met";
                case UNDETERMINED -> "not determined";
            };
        }

        /** The exporter's WO declaration (Art 3.2(a), 3.3): holds only if no listed material is non-originating. */
        private Outcome whollyObtainedDeclared() {
            List<Material> nonOriginating = nonOriginating();
            if (nonOriginating.isEmpty()) {
                return new Outcome(Result.MET, List.of("declared wholly obtained or produced (Art 3.3)"));
            }
            return new Outcome(Result.NOT_MET, List.of("declared wholly obtained, but the bill of materials lists "
                    + nonOriginating.size() + " non-originating material(s): " + labels(nonOriginating)));
        }

        private Outcome whollyObtainedRule() {
            apply("Annex 3A headnotes (WO)", "WO: wholly obtained or produced (Art 3.3), also met by PE");
            if (request.whollyObtained()) {
                return whollyObtainedDeclared();
            }
            Outcome pe = producedExclusively();
            List<String> reasons = new ArrayList<>();
            reasons.add(pe.result == Result.MET ? "met through PE (a WO rule is also met by PE)"
                    : "not declared wholly obtained (Art 3.3) and not met through PE");
            reasons.addAll(pe.reasons);
            return new Outcome(pe.result, reasons);
        }

        private Outcome producedExclusively() {
            apply("3.2(b)", "originating goods: produced exclusively from originating materials");
            if (direct.isEmpty()) {
                return new Outcome(Result.UNDETERMINED, List.of("PE needs a bill of materials, and none (other than "
                        + "indirect materials, packing, packaging or accessories) is listed"));
            }
            List<Material> nonOriginating = nonOriginating();
            if (nonOriginating.isEmpty()) {
                return new Outcome(Result.MET, List.of("all " + direct.size()
                        + " material(s) are originating in an RCEP Party (cumulation, Art 3.4)"));
            }
            List<String> reasons = new ArrayList<>();
            for (Material m : nonOriginating) {
                reasons.add(label(m) + " is " + originText(m) + ", so the good is not produced exclusively from originating materials");
            }
            return new Outcome(Result.NOT_MET, reasons);
        }

        private Outcome tariffChange(Rule.TariffChange ctc) {
            Rule.Level level = ctc.level();
            apply("Annex 3A headnotes (" + level.abbreviation() + ")", level.abbreviation()
                    + ": every non-originating material changes " + level.noun() + " (" + level.digits() + " digits)");
            Optional<Outcome> blocked = blockedByMinimalOperations(ctc);
            if (blocked.isPresent()) {
                return blocked.get();
            }
            if (direct.isEmpty()) {
                return new Outcome(Result.UNDETERMINED, List.of("a change in tariff classification (" + ctc.text()
                        + ") cannot be judged without a bill of materials: no direct material is listed"));
            }
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
                return new Outcome(Result.MET, reasons);
            }
            DeMinimisResult deMinimis = deMinimis(ctc, failing);
            deMinimisConsidered.add(deMinimis);
            reasons.add(deMinimisText(deMinimis));
            return new Outcome(Result.of(deMinimis.met()), reasons);
        }

        private DeMinimisResult deMinimis(Rule.TariffChange ctc, List<Material> failing) {
            apply("3.7.1(a)", "de minimis by value: failing materials <= 10% of FOB (value per Art 3.5.3)");
            BigDecimal fob = request.fobValue();
            // Art 3.7.1(a): the value determined under Art 3.5.3 (CIF or earliest price), before Art 3.5.5 deductions
            BigDecimal failingValue = failing.stream().map(Material::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean valueMet = failingValue.multiply(HUNDRED).compareTo(DE_MINIMIS_PERCENT.multiply(fob)) <= 0;

            BigDecimal failingWeight = null;
            BigDecimal weightPercent = null;
            boolean weightMet = false;
            if (textileChapter() && request.netWeightKg() != null
                    && failing.stream().allMatch(m -> m.netWeightKg() != null)) {
                apply("3.7.1(b)", "de minimis by weight (chapters 50-63): failing materials <= 10% of the good's weight");
                failingWeight = failing.stream().map(Material::netWeightKg).reduce(BigDecimal.ZERO, BigDecimal::add);
                weightPercent = RvcCalculator.percent(failingWeight, request.netWeightKg());
                weightMet = failingWeight.multiply(HUNDRED)
                        .compareTo(DE_MINIMIS_PERCENT.multiply(request.netWeightKg())) <= 0;
            }
            if (valueMet || weightMet) {
                apply("3.7.2", "de minimis materials still count in VNM for any RVC requirement");
            }
            return new DeMinimisResult(ctc.text(), labels(failing), failingValue,
                    RvcCalculator.percent(failingValue, fob), valueMet, failingWeight, weightPercent, weightMet,
                    valueMet || weightMet);
        }

        private boolean textileChapter() {
            int chapter = product.chapterNumber();
            return chapter >= 50 && chapter <= 63;
        }

        private String deMinimisText(DeMinimisResult d) {
            StringBuilder s = new StringBuilder("de minimis (Art 3.7.1(a)) by value: failing materials' value ")
                    .append(d.failingValue().toPlainString()).append(" is ").append(d.valuePercent().toPlainString())
                    .append("% of FOB ").append(request.fobValue().toPlainString())
                    .append(d.valueTestMet() ? " (<= 10%): met" : " (> 10%): not met");
            if (textileChapter()) {
                if (d.failingWeightKg() == null) {
                    s.append("; by weight: not applicable (Art 3.7.1(b) needs the good's net weight and every failing material's weight)");
                } else {
                    s.append("; by weight (Art 3.7.1(b), chapters 50-63): ").append(d.failingWeightKg().toPlainString())
                            .append(" kg is ").append(d.weightPercent().toPlainString()).append("% of ")
                            .append(request.netWeightKg().toPlainString()).append(" kg")
                            .append(d.weightTestMet() ? " (<= 10%): met" : " (> 10%): not met");
                }
            }
            if (d.met()) {
                s.append("; the materials' value still counts in VNM (Art 3.7.2)");
            }
            return s.toString();
        }

        private Outcome regionalValueContent(Rule.RegionalValueContent r) {
            apply("Annex 3A headnotes (RVC)", "RVC" + r.threshold() + ": regional value content of no less than "
                    + r.threshold() + " per cent");
            Optional<Outcome> blocked = blockedByMinimalOperations(r);
            if (blocked.isPresent()) {
                return blocked.get();
            }
            if (direct.isEmpty()) {
                return new Outcome(Result.UNDETERMINED, List.of("a regional value content (" + r.text()
                        + ") cannot be judged without a bill of materials: no direct material is listed"));
            }
            apply("3.5", "calculation of regional value content (" + (rvc.method() == RvcMethod.BUILD_DOWN
                    ? "build-down" : "build-up") + ")");
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
                BigDecimal deductions = materials.stream().filter(Material::countsInVnm).map(Material::deductibleCosts)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                if (deductions.signum() > 0) {
                    apply("3.5.5", "costs deductible from the value of non-originating materials");
                    reasons.add("VNM is after deducting " + plain(deductions) + " of freight, insurance, duties and similar costs (Art 3.5.5)");
                }
            }
            return new Outcome(Result.of(met), reasons);
        }

        private Outcome chemicalReaction() {
            apply("Annex 3A headnotes (CR)", "CR: a chemical reaction took place in the Party");
            Optional<Outcome> blocked = blockedByMinimalOperations(new Rule.ChemicalReaction());
            if (blocked.isPresent()) {
                return blocked.get();
            }
            return request.chemicalReaction()
                    ? new Outcome(Result.MET, List.of("a chemical reaction is declared to have taken place in the Party"))
                    : new Outcome(Result.NOT_MET, List.of("no chemical reaction is declared (set chemicalReaction: true with evidence)"));
        }

        /** Art 3.6 prevails over the product-specific rule when only minimal operations were done on non-originating materials. */
        private Optional<Outcome> blockedByMinimalOperations(Rule rule) {
            if (minimal.onlyMinimal() && !nonOriginating().isEmpty()) {
                return Optional.of(new Outcome(Result.NOT_MET, List.of("only minimal operations were performed"
                        + operationsText() + " (" + minimal.describe() + "); they confer no origin on the "
                        + nonOriginating().size() + " non-originating material(s), so " + rule.text() + " cannot be met")));
            }
            return Optional.empty();
        }

        private String operationsText() {
            return request.operations().isEmpty() ? "" : " (" + String.join(", ", request.operations()) + ")";
        }

        /** Direct materials that are non-originating or of undetermined origin (Art 3.5.4). */
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

    /** Chapter 3 articles in numeric order (3.2 < 3.10), then the Annex 3A headnotes. */
    private static final Comparator<AppliedArticle> ARTICLE_ORDER = Comparator
            .comparing((AppliedArticle a) -> a.article().startsWith("Annex"))
            .thenComparing(a -> sortKey(a.article()));

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private static String sortKey(String article) {
        Matcher m = DIGITS.matcher(article);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, String.format("%04d", Integer.parseInt(m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private record Outcome(Result result, List<String> reasons) {
    }
}
