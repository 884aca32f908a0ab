package org.originbridge.intake.domain;

import org.originbridge.origin.declaration.Declaration;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.bom.BomRollUp;
import org.originbridge.origin.bom.BomRules;
import org.originbridge.origin.code.Decimals;
import org.originbridge.origin.code.HsCode;
import org.originbridge.origin.code.InvalidCodeException;
import org.originbridge.origin.code.Money;
import org.originbridge.origin.declaration.OriginCriterion;
import org.originbridge.origin.determination.AlternativeResult;
import org.originbridge.origin.determination.BuildUpCosts;
import org.originbridge.origin.determination.Determination;
import org.originbridge.origin.determination.DeterminationStatus;
import org.originbridge.origin.determination.DeterminationOutcome;
import org.originbridge.origin.determination.DeterminationRequest;
import org.originbridge.origin.determination.Material;
import org.originbridge.origin.determination.MaterialOrigin;
import org.originbridge.origin.determination.OriginDeterminer;
import org.originbridge.origin.determination.RvcMethod;
import org.originbridge.origin.rule.Rule;
import org.originbridge.origin.rule.RuleParseException;
import org.originbridge.origin.rule.RuleParser;

/**
 * Runs origin-core's determination for every goods item that carries a bill of materials (rule from
 * the BOM's {@code rule}, else the rule table; FOB from the item's {@code fobValue}) and checks it
 * against the criterion the item claims. Problems in the BOM itself, and claims the BOM
 * contradicts, are returned as field problems in the submitted shape.
 */
public final class OriginPreChecker {

    /** The pre-check and the problems it found. */
    public record Result(OriginPreCheck preCheck, List<FieldError> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private final OriginDeterminer determiner;
    private final ErpEvidence evidence;

    public OriginPreChecker(OriginDeterminer determiner) {
        this(determiner, ErpEvidence.NONE);
    }

    /**
     * @param evidence the exporter's stored ERP data: a material of undetermined origin with a material id is
     *                 resolved by a supplier's declaration or its own bill of materials (multi-level roll-up)
     */
    public OriginPreChecker(OriginDeterminer determiner, ErpEvidence evidence) {
        this.determiner = Objects.requireNonNull(determiner, "determiner");
        this.evidence = Objects.requireNonNull(evidence, "evidence");
    }

    /**
     * @param alreadyReported problems the Annex 3B validation found (so a missing FOB is not reported twice)
     */
    public Result check(Declaration declaration, List<FieldError> alreadyReported) {
        List<FieldError> problems = new ArrayList<>();
        List<OriginPreCheck.ItemDetermination> items = new ArrayList<>();
        int withBom = 0;
        List<Declaration.GoodsItem> goods = declaration.goods();
        for (int i = 0; i < goods.size(); i++) {
            Declaration.GoodsItem item = goods.get(i);
            if (item == null || item.billOfMaterials() == null) {
                continue;
            }
            withBom++;
            String path = "goods[" + i + "]";
            Optional<DeterminationRequest> request = request(item, path, alreadyReported, problems);
            if (request.isEmpty()) {
                continue;
            }
            DeterminationRequest core = request.get();
            List<String> notes = List.of();
            if (needsRollUp(core)) {
                Optional<BomRollUp.Result> rolledUp = evidence.resolve(declaration, determiner, core.materials(),
                        core.currency());
                if (rolledUp.isPresent()) {
                    BomRollUp.Result resolved = rolledUp.get();
                    if (!resolved.problems().isEmpty()) {
                        resolved.problems().forEach(e -> problems.add(
                                new FieldError(path + "." + e.field(), e.code(), e.message())));
                        continue;
                    }
                    core = core.withMaterials(resolved.materials());
                    notes = resolved.notes();
                }
            }
            DeterminationOutcome outcome = determiner.determine(core);
            if (outcome instanceof DeterminationOutcome.Rejected rejected) {
                rejected.errors().forEach(e -> problems.add(
                        new FieldError(path + ".billOfMaterials." + e.field(), e.code(), e.message())));
                continue;
            }
            Determination determination = ((DeterminationOutcome.Determined) outcome).determination();
            items.add(toItem(item.itemNumber(), determination, notes));
            contradiction(item, path, determination).ifPresent(problems::add);
        }
        return new Result(preCheck(withBom, items), problems);
    }

    private static OriginPreCheck preCheck(int withBom, List<OriginPreCheck.ItemDetermination> items) {
        if (items.isEmpty()) {
            String why = withBom == 0 ? "no goods item carries a bill of materials"
                    : "none of the " + withBom + " bill(s) of materials could be evaluated (see the problems)";
            return new OriginPreCheck(OriginPreCheck.Status.NOT_PERFORMED, why, List.of());
        }
        long originating = items.stream().filter(OriginPreCheck.ItemDetermination::originating).count();
        String summary = items.size() + " of " + withBom + " item(s) with a bill of materials determined: "
                + originating + " originating, " + (items.size() - originating) + " not originating";
        return new OriginPreCheck(OriginPreCheck.Status.PERFORMED, summary, items);
    }

    /** A material of undetermined origin that names its material id: stored ERP evidence may decide it. */
    private static boolean needsRollUp(DeterminationRequest request) {
        return request.currency() != null && request.materials().stream().anyMatch(m -> m.origin() == MaterialOrigin.UNDETERMINED
                && m.id() != null && !m.id().isBlank());
    }

    private static OriginPreCheck.ItemDetermination toItem(int itemNumber, Determination d, List<String> rollUpNotes) {
        List<OriginPreCheck.Alternative> alternatives = d.alternatives().stream()
                .map(a -> new OriginPreCheck.Alternative(a.rule().text(), a.met(), a.reasons())).toList();
        List<String> reasons = new ArrayList<>(d.reasons());
        d.deMinimis().ifPresent(dm -> reasons.add("de minimis (Art 3.7) for " + dm.tariffChange() + ": "
                + (dm.met() ? "met by " + dm.basis().toLowerCase(Locale.ROOT) : "not met")));
        rollUpNotes.forEach(n -> reasons.add("roll-up: " + n));
        return new OriginPreCheck.ItemDetermination(itemNumber, d.hsCode().code(), d.originating(),
                d.ruleApplied().text(), d.ruleSource().label(),
                d.rvc() == null ? null : d.rvc().method().name(),
                d.rvc() == null ? null : d.rvc().percent(),
                alternatives, reasons);
    }

    // ---- building the core request, collecting every problem of the item's BOM ----

    private static Optional<DeterminationRequest> request(Declaration.GoodsItem item, String path,
            List<FieldError> alreadyReported, List<FieldError> problems) {
        int before = problems.size();
        String bomPath = path + ".billOfMaterials";
        Declaration.BillOfMaterials bom = item.billOfMaterials();

        HsCode hs = quietly(() -> HsCode.parse(item.hsCode())); // the Annex 3B validation reports a bad HS code
        BigDecimal fob = item.fobValue() == null ? null : item.fobValue().amount();
        if (fob != null && quietly(() -> Decimals.bounded(fob)) == null) {
            return Optional.empty(); // the Annex 3B validation reports the out-of-bounds FOB value
        }
        if (fob == null && !reported(alreadyReported, path + ".fobValue")) {
            problems.add(new FieldError(path + ".fobValue", IntakeErrorCodes.REQUIRED_FOR_PRE_CHECK,
                    "the origin pre-check of the bill of materials needs the item's FOB value"));
        }
        Currency currency = item.fobValue() == null ? null : quietly(() -> Money.parseCurrency(item.fobValue().currency()));

        BigDecimal netWeight = bom.productNetWeightKg();
        if (netWeight != null && !nonNegative(netWeight, bomPath + ".productNetWeightKg", problems)) {
            netWeight = null;
        } else if (netWeight != null && netWeight.signum() <= 0) {
            problems.add(new FieldError(bomPath + ".productNetWeightKg", ErrorCodes.INVALID_AMOUNT,
                    "the product's net weight must be positive, got " + netWeight.toPlainString()));
        }
        Rule rule = null;
        if (bom.rule() != null && !bom.rule().isBlank()) {
            try {
                rule = RuleParser.parse(bom.rule());
            } catch (RuleParseException e) {
                problems.add(new FieldError(bomPath + ".rule", ErrorCodes.INVALID_RULE, e.getMessage()));
            }
        }
        BuildUpCosts costs = costs(bom.costs(), bomPath + ".costs", problems);
        List<Material> materials = new ArrayList<>();
        for (int j = 0; j < bom.materials().size(); j++) {
            material(bom.materials().get(j), bomPath + ".materials[" + j + "]", problems).ifPresent(materials::add);
        }
        if (hs == null || fob == null || fob.signum() <= 0 || problems.size() > before) {
            return Optional.empty();
        }
        Optional<OriginCriterion> claimed = claimed(item);
        boolean whollyObtained = claimed.map(c -> c.criteria().contains("WO")).orElse(false);
        boolean chemicalReaction = claimed.map(c -> c.criteria().contains("CR")).orElse(false);
        return Optional.of(new DeterminationRequest(hs, fob, currency, netWeight, rule,
                bom.rvcMethod() == Declaration.RvcMethod.BUILD_UP ? RvcMethod.BUILD_UP : RvcMethod.BUILD_DOWN,
                costs, materials, whollyObtained, chemicalReaction, bom.minimalOperationsOnly(), List.of()));
    }

    private static BuildUpCosts costs(Declaration.ProductionCosts c, String path, List<FieldError> problems) {
        if (c == null) {
            return BuildUpCosts.NONE;
        }
        boolean ok = nonNegative(c.directLabour(), path + ".directLabour", problems)
                & nonNegative(c.directOverhead(), path + ".directOverhead", problems)
                & nonNegative(c.profit(), path + ".profit", problems)
                & nonNegative(c.other(), path + ".other", problems);
        return ok ? new BuildUpCosts(c.directLabour(), c.directOverhead(), c.profit(), c.other()) : BuildUpCosts.NONE;
    }

    private static Optional<Material> material(Declaration.BomMaterial m, String path, List<FieldError> problems) {
        int before = problems.size();
        HsCode hs = null;
        if (m.hsCode() == null || m.hsCode().isBlank()) {
            problems.add(new FieldError(path + ".hsCode", ErrorCodes.REQUIRED, "the material's 6-digit HS code is required"));
        } else {
            try {
                hs = HsCode.parse(m.hsCode());
            } catch (InvalidCodeException e) {
                problems.add(new FieldError(path + ".hsCode", e.code(), e.getMessage()));
            }
        }
        if (m.value() == null) {
            problems.add(new FieldError(path + ".value", ErrorCodes.REQUIRED, "the material's value is required"));
        } else {
            nonNegative(m.value(), path + ".value", problems);
        }
        nonNegative(m.netWeightKg(), path + ".netWeightKg", problems);
        if (nonNegative(m.deductibleCosts(), path + ".deductibleCosts", problems)) {
            try {
                BomRules.checkDeductibleCosts(m.value(), m.deductibleCosts());
            } catch (InvalidCodeException e) {
                problems.add(new FieldError(path + ".deductibleCosts", e.code(), e.getMessage()));
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        MaterialOrigin origin = switch (m.origin()) {
            case ORIGINATING -> MaterialOrigin.ORIGINATING;
            case NON_ORIGINATING -> MaterialOrigin.NON_ORIGINATING;
            case UNDETERMINED -> MaterialOrigin.UNDETERMINED;
        };
        return Optional.of(new Material(m.materialId(), m.description(), hs, m.value(), m.netWeightKg(), origin,
                m.deductibleCosts(), m.indirect()));
    }

    private static boolean nonNegative(BigDecimal value, String path, List<FieldError> problems) {
        if (value != null) {
            try {
                Decimals.bounded(value);
            } catch (InvalidCodeException e) {
                problems.add(new FieldError(path, e.code(), e.getMessage()));
                return false;
            }
        }
        if (value != null && value.signum() < 0) {
            problems.add(new FieldError(path, ErrorCodes.INVALID_AMOUNT, "must not be negative, got " + value.toPlainString()));
            return false;
        }
        return true;
    }

    // ---- the claim against the determination ----

    /**
     * A problem when the bill of materials contradicts the claimed criterion: the good is not
     * originating at all, or the alternatives of the rule that correspond to what is claimed
     * (e.g. CTH, RVC) are all unmet while another alternative is met.
     */
    static Optional<FieldError> contradiction(Declaration.GoodsItem item, String path, Determination d) {
        String field = path + ".originCriterion";
        String claimedText = item.originCriterion() == null ? "" : item.originCriterion().strip();
        if (d.status() == DeterminationStatus.NOT_DETERMINED) {
            return Optional.of(new FieldError(path + ".billOfMaterials", IntakeErrorCodes.ORIGIN_NOT_DETERMINED,
                    "claims origin under '" + claimedText + "' but the bill of materials does not give the evidence rule '"
                            + d.ruleApplied().text() + "' needs" + (d.reasons().isEmpty() ? "" : ": " + d.reasons().get(0))));
        }
        if (!d.originating()) {
            String failing = d.alternatives().stream()
                    .map(a -> "'" + a.rule().text() + "' not met" + (a.reasons().isEmpty() ? "" : ": " + a.reasons().get(0)))
                    .collect(Collectors.joining("; "));
            return Optional.of(new FieldError(field, IntakeErrorCodes.ORIGIN_NOT_SUPPORTED,
                    "claims origin under '" + claimedText + "' but the bill of materials does not meet rule '"
                            + d.ruleApplied().text() + "' (" + d.ruleSource().label() + "): " + failing));
        }
        Optional<OriginCriterion> claimed = claimed(item);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        List<AlternativeResult> corresponding = d.alternatives().stream()
                .filter(a -> claimed.get().criteria().stream().anyMatch(c -> corresponds(c, a.rule()))).toList();
        if (corresponding.isEmpty() || corresponding.stream().anyMatch(AlternativeResult::met)) {
            return Optional.empty();
        }
        String metThrough = d.alternatives().stream().filter(AlternativeResult::met)
                .map(a -> "'" + a.rule().text() + "'").collect(Collectors.joining(", "));
        String unmet = corresponding.stream()
                .map(a -> "'" + a.rule().text() + "'" + (a.reasons().isEmpty() ? "" : ": " + a.reasons().get(0)))
                .collect(Collectors.joining("; "));
        return Optional.of(new FieldError(field, IntakeErrorCodes.CRITERION_NOT_MET,
                "claims '" + claimedText + "' but the bill of materials meets rule '" + d.ruleApplied().text()
                        + "' only through " + metThrough + "; the claimed criterion is not met (" + unmet
                        + "): declare the criterion that is met"));
    }

    /** Whether a claimed criterion token (WO, CTH, RVC40, ...) is what this rule alternative requires. */
    static boolean corresponds(String criterion, Rule rule) {
        if (rule instanceof Rule.AllOf all) {
            return all.requirements().stream().anyMatch(r -> corresponds(criterion, r));
        }
        if (rule instanceof Rule.AnyOf any) {
            return any.alternatives().stream().anyMatch(r -> corresponds(criterion, r));
        }
        return switch (criterion) {
            case "WO" -> rule instanceof Rule.WhollyObtained;
            case "PE" -> rule instanceof Rule.ProducedExclusively || rule instanceof Rule.WhollyObtained;
            case "CC" -> rule instanceof Rule.TariffChange t && t.level() == Rule.Level.CHAPTER;
            case "CTH" -> rule instanceof Rule.TariffChange t && t.level() == Rule.Level.HEADING;
            case "CTSH" -> rule instanceof Rule.TariffChange t && t.level() == Rule.Level.SUBHEADING;
            case "CTC" -> rule instanceof Rule.TariffChange;
            case "CR" -> rule instanceof Rule.ChemicalReaction;
            default -> criterion.startsWith("RVC") && rule instanceof Rule.RegionalValueContent;
        };
    }

    private static Optional<OriginCriterion> claimed(Declaration.GoodsItem item) {
        return Optional.ofNullable(quietly(() -> OriginCriterion.parse(item.originCriterion())));
    }

    private static boolean reported(List<FieldError> problems, String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    private static <T> T quietly(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidCodeException e) {
            return null;
        }
    }
}
