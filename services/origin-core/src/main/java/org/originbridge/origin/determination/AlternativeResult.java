package org.originbridge.origin.determination;

import java.util.List;
import org.originbridge.origin.rule.Rule;

/** One top-level alternative of the rule (e.g. {@code CTH} of {@code CTH or RVC40}) and why it is (not) met. */
public record AlternativeResult(Rule rule, boolean met, List<String> reasons) {
    public AlternativeResult {
        reasons = List.copyOf(reasons);
    }
}
