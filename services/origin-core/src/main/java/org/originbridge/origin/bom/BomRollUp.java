package org.originbridge.origin.bom;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.code.HsCode;
import org.originbridge.origin.code.InvalidCodeException;
import org.originbridge.origin.determination.Determination;
import org.originbridge.origin.determination.DeterminationOutcome;
import org.originbridge.origin.determination.DeterminationRequest;
import org.originbridge.origin.determination.Material;
import org.originbridge.origin.determination.MaterialOrigin;
import org.originbridge.origin.determination.OriginDeterminer;

/**
 * Multi-level roll-up: gives each material whose origin is not stated the origin the evidence supports, in this
 * order:
 * <ol>
 *   <li>a supplier's declaration valid on the relevant date ({@link SupplierDeclarations#decide}): a bought-in
 *       material;</li>
 *   <li>its own bill of materials ({@link BomLibrary}): an intermediate material, whose origin is determined by the
 *       same {@link OriginDeterminer} as the good (its HS code's rule, its components resolved the same way,
 *       recursively), valued at its own line value in the upload when the upload shows it, else at the sum of its
 *       components (then its RVC counts its materials only: conservative);</li>
 *   <li>otherwise it stays UNDETERMINED (Art 3.5.4: treated as non-originating).</li>
 * </ol>
 * Component values in another currency are converted with the rate table ({@link ExchangeRates}) on the relevant
 * date. Cycle-safe (a material met again on its own path stays UNDETERMINED, with the cycle named), depth-bounded
 * ({@link BomLimits#maxDepth()}), size-bounded ({@link BomLimits#maxRollUpLines()} lines visited in total; every
 * intermediate is determined once per roll-up). Every decision is explained in {@link Result#notes()}.
 * Stateless between calls; thread-safe when its ports are.
 */
public final class BomRollUp {
    private final OriginDeterminer determiner;
    private final BomLibrary library;
    private final SupplierDeclarations.Lookup declarations;
    private final ExchangeRates rates;
    private final BomLimits limits;

    public BomRollUp(OriginDeterminer determiner, BomLibrary library, SupplierDeclarations.Lookup declarations,
                     ExchangeRates rates, BomLimits limits) {
        this.determiner = Objects.requireNonNull(determiner, "determiner");
        this.library = Objects.requireNonNull(library, "library");
        this.declarations = Objects.requireNonNull(declarations, "declarations");
        this.rates = Objects.requireNonNull(rates, "rates");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * The materials with their origins resolved, the explanation of each resolution, and the problems that
     * prevent an evaluation (a value that cannot be converted, a roll-up beyond its bounds).
     */
    public record Result(List<Material> materials, List<String> notes, List<FieldError> problems) {
        public Result {
            materials = List.copyOf(materials);
            notes = List.copyOf(notes);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Resolves the materials of a declaration's bill of materials (values already in the good's currency): each
     * one whose origin is UNDETERMINED and that has a material id.
     *
     * @param currency the good's currency (FOB), into which component values are converted
     * @param date     the relevant date: supplier declarations must cover it; rates are taken on or before it
     */
    public Result resolve(List<Material> materials, Currency currency, LocalDate date) {
        Run run = new Run(currency, date);
        List<Material> out = new ArrayList<>();
        for (Material m : materials) {
            if (m.origin() != MaterialOrigin.UNDETERMINED || m.id() == null || m.id().isBlank() || !m.role().decidesOriginStatus()) {
                out.add(m);
                continue;
            }
            MaterialOrigin origin = run.origin(m.id(), null, m.hsCode(), 1, new LinkedHashSet<>());
            out.add(new Material(m.id(), m.description(), m.hsCode(), m.value(), m.netWeightKg(), origin,
                    m.deductibleCosts(), m.role()));
        }
        return run.result(out);
    }

    /** The direct materials of {@code product}'s own bill of materials, resolved (for a good made from a stored BOM). */
    public Result materialsOf(String product, Currency currency, LocalDate date) {
        Run run = new Run(currency, date);
        Optional<BomLibrary.Assembly> assembly = library.assembly(product);
        if (assembly.isEmpty()) {
            run.problems.add(new FieldError("material", ErrorCodes.REQUIRED, "no bill of materials is held for " + product));
            return run.result(List.of());
        }
        LinkedHashSet<String> path = new LinkedHashSet<>();
        path.add(product);
        return run.result(run.materials(assembly.get().lines(), 1, path));
    }

    /** One roll-up: its memo, budget, notes and problems. */
    private final class Run {
        private final Currency currency;
        private final LocalDate date;
        private final Map<String, MaterialOrigin> memo = new HashMap<>();
        private final List<String> notes = new ArrayList<>();
        private final List<FieldError> problems = new ArrayList<>();
        private int budget = limits.maxRollUpLines();
        private int notesLeftOut;

        Run(Currency currency, LocalDate date) {
            this.currency = currency;
            this.date = date;
        }

        Result result(List<Material> materials) {
            if (notesLeftOut > 0) {
                notes.add("and " + notesLeftOut + " more roll-up note(s) not listed");
            }
            return new Result(materials, notes, problems);
        }

        void note(String text) {
            if (notes.size() < limits.maxNotes()) {
                notes.add(text);
            } else {
                notesLeftOut++;
            }
        }

        MaterialOrigin origin(String material, String supplier, HsCode hs, int depth, LinkedHashSet<String> path) {
            MaterialOrigin known = memo.get(material);
            if (known != null) {
                return known;
            }
            List<SupplierDeclaration> held = declarations.forMaterial(material);
            Optional<SupplierDeclarations.Decision> decision = SupplierDeclarations.decide(held, supplier, date);
            if (decision.isPresent()) {
                SupplierDeclaration d = decision.get().declaration();
                MaterialOrigin origin = d.originating() ? MaterialOrigin.ORIGINATING : MaterialOrigin.NON_ORIGINATING;
                note("material '" + material + "': " + origin + " by supplier's declaration (" + decision.get().explanation()
                        + "; covers " + date + ")");
                memo.put(material, origin);
                return origin;
            }
            Optional<BomLibrary.Assembly> assembly = library.assembly(material);
            if (assembly.isEmpty()) {
                if (!held.isEmpty()) {
                    note("material '" + material + "': UNDETERMINED: " + held.size() + " supplier's declaration(s) held, "
                            + "none " + (supplier == null ? "" : "from " + supplier + " ") + "valid on " + date
                            + " (treated as non-originating, Art 3.5.4)");
                }
                memo.put(material, MaterialOrigin.UNDETERMINED);
                return MaterialOrigin.UNDETERMINED;
            }
            if (path.contains(material)) {
                note("material '" + material + "': UNDETERMINED: its bill of materials is cyclic ("
                        + String.join(" -> ", path) + " -> " + material + ")");
                return MaterialOrigin.UNDETERMINED;
            }
            if (depth > limits.maxDepth()) {
                note("material '" + material + "': UNDETERMINED: nested deeper than " + limits.maxDepth() + " levels");
                return MaterialOrigin.UNDETERMINED;
            }
            LinkedHashSet<String> inner = new LinkedHashSet<>(path);
            inner.add(material);
            MaterialOrigin origin = intermediate(material, hs, assembly.get(), depth, inner);
            memo.put(material, origin);
            return origin;
        }

        private MaterialOrigin intermediate(String material, HsCode hs, BomLibrary.Assembly assembly, int depth,
                                            LinkedHashSet<String> path) {
            List<Material> components = materials(assembly.lines(), depth + 1, path);
            if (components.size() < assembly.lines().size()) {
                return MaterialOrigin.UNDETERMINED; // a problem was recorded
            }
            BigDecimal value = null;
            String valuedAs;
            if (assembly.value() != null && assembly.value().signum() > 0) {
                value = convert(assembly.value(), assembly.currency(), material);
                valuedAs = "its own value " + value.toPlainString() + " " + currency.getCurrencyCode();
            } else {
                valuedAs = "the sum of its components";
            }
            if (value == null) {
                value = components.stream().filter(m -> m.role().countsInValueContent()).map(Material::value)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                valuedAs = "the sum of its components, " + value.toPlainString() + " " + currency.getCurrencyCode()
                        + " (its own value is not in the upload; its RVC counts its materials only)";
            }
            if (value.signum() <= 0) {
                note("material '" + material + "': UNDETERMINED: its bill of materials has no value");
                return MaterialOrigin.UNDETERMINED;
            }
            DeterminationOutcome outcome = determiner.determine(DeterminationRequest.of(hs, value, currency, components));
            if (outcome instanceof DeterminationOutcome.Rejected rejected) {
                note("material '" + material + "' (HS " + hs + "): UNDETERMINED: its bill of materials cannot be "
                        + "evaluated: " + rejected.errors().get(0).message());
                return MaterialOrigin.UNDETERMINED;
            }
            Determination d = ((DeterminationOutcome.Determined) outcome).determination();
            MaterialOrigin origin = switch (d.status()) {
                case ORIGINATING -> MaterialOrigin.ORIGINATING;
                case NOT_ORIGINATING -> MaterialOrigin.NON_ORIGINATING;
                default -> MaterialOrigin.UNDETERMINED;
            };
            note("material '" + material + "' (HS " + hs + "): " + origin + ", determined from its own bill of materials ("
                    + components.size() + " line(s), valued at " + valuedAs + "): " + d.reasons().get(0));
            return origin;
        }

        List<Material> materials(List<BomLine> lines, int depth, LinkedHashSet<String> path) {
            budget -= lines.size();
            if (budget < 0) {
                if (problems.stream().noneMatch(p -> p.code().equals(ErrorCodes.LIMIT_EXCEEDED))) {
                    problems.add(new FieldError("billOfMaterials", ErrorCodes.LIMIT_EXCEEDED, "the roll-up visits more than "
                            + limits.maxRollUpLines() + " bill-of-materials lines"));
                }
                return List.of();
            }
            List<Material> out = new ArrayList<>();
            for (BomLine l : lines) {
                BigDecimal value = convert(l.value(), l.currency(), l.componentId());
                BigDecimal deductible = convert(l.deductibleCosts(), l.currency(), null);
                if (value == null || deductible == null) {
                    continue;
                }
                MaterialOrigin origin = l.origin() != null && l.origin() != MaterialOrigin.UNDETERMINED ? l.origin()
                        : l.role().decidesOriginStatus() ? origin(l.componentId(), l.supplier(), l.hsCode(), depth, path)
                        : MaterialOrigin.UNDETERMINED;
                try {
                    out.add(new Material(l.componentId(), l.description(), l.hsCode(), value, null, origin,
                            deductible.min(value), l.role()));
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldError("billOfMaterials." + l.componentId(), ErrorCodes.INVALID_AMOUNT, e.getMessage()));
                }
            }
            return out;
        }

        private BigDecimal convert(BigDecimal amount, Currency from, String material) {
            if (amount.signum() == 0 || from == null || from.equals(currency)) {
                return amount;
            }
            try {
                ExchangeRates.Conversion c = rates.convert(amount, from, currency, date);
                if (material != null) {
                    note("material '" + material + "': " + c.describe());
                }
                return c.converted();
            } catch (InvalidCodeException e) {
                problems.add(new FieldError("billOfMaterials." + (material == null ? "deductibleCosts" : material),
                        e.code(), e.getMessage()));
                return null;
            }
        }
    }
}
