package org.originbridge.origin.determination;

import java.util.List;
import org.originbridge.origin.rule.Rule;

/**
 * One top-level alternative of the rule (e.g. {@code CTH} of {@code CTH or RVC40}) and why it is (not) met.
 *
 * @param rule       the alternative
 * @param met        whether it is met
 * @param reasons    why
 * @param determined false when it could not be judged because evidence is missing (no bill of materials); then
 *                   {@code met} is false
 */
public record AlternativeResult(Rule rule, boolean met, List<String> reasons, boolean determined) {
    public AlternativeResult {
        reasons = List.copyOf(reasons);
        if (met && !determined) {
            throw new IllegalArgumentException("an alternative that is met is determined");
        }
    }

    /** A determined alternative. */
    public AlternativeResult(Rule rule, boolean met, List<String> reasons) {
        this(rule, met, reasons, true);
    }
}
