package org.originbridge.origin.rule;

import java.util.Optional;
import org.originbridge.origin.code.HsCode;

/** Finds the product-specific rule for a good's HS code: one table, or a versioned table through a correlation. */
@FunctionalInterface
public interface RuleLookup {
    Optional<RuleEntry> lookup(HsCode hs);
}
