package org.originbridge.origin.rule;

import java.util.Objects;

/**
 * One row of the product-specific rule table.
 *
 * @param hsPrefix   2, 4 or 6 HS digits (chapter, heading or subheading)
 * @param rule       the parsed rule
 * @param provenance where the row comes from and how far to trust it
 */
public record RuleEntry(String hsPrefix, Rule rule, String provenance) {
    public RuleEntry {
        Objects.requireNonNull(hsPrefix, "hsPrefix");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(provenance, "provenance");
        if (!hsPrefix.matches("\\d{2}|\\d{4}|\\d{6}")) {
            throw new IllegalArgumentException("HS code in a rule table must have 2, 4 or 6 digits, got '" + hsPrefix + "'");
        }
    }
}
