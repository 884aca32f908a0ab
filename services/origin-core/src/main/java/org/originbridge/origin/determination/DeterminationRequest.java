package org.originbridge.origin.determination;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.originbridge.origin.code.HsCode;
import org.originbridge.origin.rule.Rule;

/**
 * What is needed to decide whether one good is originating.
 *
 * @param hsCode                the good's 6-digit HS code
 * @param fobValue              its FOB value (positive)
 * @param currency              currency of all amounts; may be null
 * @param netWeightKg           the good's net weight, for the weight de minimis test (chapters 50-63); may be null
 * @param rule                  the rule to apply; null to look it up in the rule table
 * @param rvcMethod             the RVC formula the exporter chose
 * @param costs                 the build-up cost elements
 * @param materials             the bill of materials
 * @param whollyObtained        the exporter declares the good wholly obtained (Art 3.3)
 * @param chemicalReaction      the exporter declares a chemical reaction took place (CR criterion)
 * @param minimalOperationsOnly only minimal operations (Art 3.6) were performed
 * @param operations            the operations performed, in the Art 3.6 vocabulary ({@link MinimalOperation}) or
 *                              free text; all of them matching Art 3.6 means the same as the flag
 */
public record DeterminationRequest(HsCode hsCode, BigDecimal fobValue, Currency currency, BigDecimal netWeightKg,
                                   Rule rule, RvcMethod rvcMethod, BuildUpCosts costs, List<Material> materials,
                                   boolean whollyObtained, boolean chemicalReaction, boolean minimalOperationsOnly,
                                   List<String> operations) {

    public DeterminationRequest {
        Objects.requireNonNull(hsCode, "hsCode");
        Objects.requireNonNull(fobValue, "fobValue");
        if (fobValue.signum() <= 0) {
            throw new IllegalArgumentException("FOB value must be positive");
        }
        if (netWeightKg != null && netWeightKg.signum() <= 0) {
            throw new IllegalArgumentException("net weight must be positive");
        }
        rvcMethod = rvcMethod == null ? RvcMethod.BUILD_DOWN : rvcMethod;
        costs = costs == null ? BuildUpCosts.NONE : costs;
        materials = materials == null ? List.of() : List.copyOf(materials);
        operations = operations == null ? List.of() : List.copyOf(operations);
    }

    /** A build-down request with no rule (table lookup), no weight and no flags. */
    public static DeterminationRequest of(String hsCode, String fobValue, List<Material> materials) {
        return new DeterminationRequest(HsCode.parse(hsCode), new BigDecimal(fobValue), null, null, null,
                RvcMethod.BUILD_DOWN, BuildUpCosts.NONE, materials, false, false, false, List.of());
    }

    /** A build-down request for one goods item and its bill of materials; rule from the table unless set. */
    public static DeterminationRequest of(HsCode hsCode, BigDecimal fobValue, Currency currency, List<Material> materials) {
        return new DeterminationRequest(hsCode, fobValue, currency, null, null, RvcMethod.BUILD_DOWN, BuildUpCosts.NONE,
                materials, false, false, false, List.of());
    }

    public DeterminationRequest withRvcMethod(RvcMethod method) {
        return new DeterminationRequest(hsCode, fobValue, currency, netWeightKg, rule, method, costs, materials,
                whollyObtained, chemicalReaction, minimalOperationsOnly, operations);
    }

    public DeterminationRequest withRule(Rule newRule) {
        return new DeterminationRequest(hsCode, fobValue, currency, netWeightKg, newRule, rvcMethod, costs, materials,
                whollyObtained, chemicalReaction, minimalOperationsOnly, operations);
    }

    public DeterminationRequest withBuildUp(BuildUpCosts newCosts) {
        return new DeterminationRequest(hsCode, fobValue, currency, netWeightKg, rule, RvcMethod.BUILD_UP, newCosts,
                materials, whollyObtained, chemicalReaction, minimalOperationsOnly, operations);
    }

    public DeterminationRequest withNetWeightKg(String kg) {
        return new DeterminationRequest(hsCode, fobValue, currency, new BigDecimal(kg), rule, rvcMethod, costs,
                materials, whollyObtained, chemicalReaction, minimalOperationsOnly, operations);
    }

    public DeterminationRequest withMaterials(List<Material> newMaterials) {
        return new DeterminationRequest(hsCode, fobValue, currency, netWeightKg, rule, rvcMethod, costs, newMaterials,
                whollyObtained, chemicalReaction, minimalOperationsOnly, operations);
    }

    public DeterminationRequest withWhollyObtained(boolean flag) {
        return new DeterminationRequest(hsCode, fobValue, currency, netWeightKg, rule, rvcMethod, costs, materials,
                flag, chemicalReaction, minimalOperationsOnly, operations);
    }

    public DeterminationRequest withChemicalReaction(boolean flag) {
        return new DeterminationRequest(hsCode, fobValue, currency, netWeightKg, rule, rvcMethod, costs, materials,
                whollyObtained, flag, minimalOperationsOnly, operations);
    }

    public DeterminationRequest withOperations(boolean minimalOnly, List<String> newOperations) {
        return new DeterminationRequest(hsCode, fobValue, currency, netWeightKg, rule, rvcMethod, costs, materials,
                whollyObtained, chemicalReaction, minimalOnly, newOperations);
    }

    /**
     * True when only minimal operations (Art 3.6) were performed: by flag, or because every declared operation
     * matches a sub-paragraph (a)-(j) of the closed list ({@link MinimalOperations}).
     */
    public boolean onlyMinimalOperations() {
        return minimalOperations().onlyMinimal();
    }

    /** The declared operations classified under Art 3.6. */
    public MinimalOperations minimalOperations() {
        return MinimalOperations.assess(minimalOperationsOnly, operations);
    }
}
