package org.originbridge.origin.determination;

import java.util.List;
import java.util.Optional;
import org.originbridge.origin.code.HsCode;
import org.originbridge.origin.rule.Rule;

/**
 * The answer for one good.
 *
 * @param originating  whether the good qualifies as originating ({@code status == ORIGINATING})
 * @param hsCode       the good's HS code
 * @param ruleApplied  the product-specific rule applied
 * @param ruleSource   where that rule came from
 * @param rvc          the RVC figures with the chosen method (always computable: FOB is required)
 * @param alternatives each top-level alternative of the rule, met or not, with reasons
 * @param deMinimis    the de minimis test, when a CTC failed for some material and it was considered
 * @param reasons      the overall reasons (summary first)
 * @param status       originating, not originating, or not determined (evidence missing)
 * @param articles     the provisions of Chapter 3 and Annex 3A the determination applied, in article order
 * @param operations   the declared operations classified under Art 3.6, when any were declared or flagged
 */
public record Determination(boolean originating, HsCode hsCode, Rule ruleApplied, RuleSource ruleSource,
                            RvcFigures rvc, List<AlternativeResult> alternatives,
                            Optional<DeMinimisResult> deMinimis, List<String> reasons,
                            DeterminationStatus status, List<AppliedArticle> articles,
                            Optional<MinimalOperations> operations) {
    public Determination {
        alternatives = List.copyOf(alternatives);
        reasons = List.copyOf(reasons);
        articles = List.copyOf(articles);
        if (originating != (status == DeterminationStatus.ORIGINATING)) {
            throw new IllegalArgumentException("originating must agree with status " + status);
        }
    }
}
