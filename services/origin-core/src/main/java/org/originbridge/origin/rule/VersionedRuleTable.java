package org.originbridge.origin.rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.originbridge.origin.code.HsCode;

/**
 * One version of a product-specific rule table: the agreement and the HS edition its HS codes are stated in
 * (RCEP's Annex 3A is in HS 2012), a version number counted per agreement and edition, when and from what it was
 * loaded, and whether its rows are samples. As a {@link RuleLookup} for declarations whose HS codes are in
 * {@code declaredEdition}, it correlates each code into the table's edition first ({@link #lookupFrom}).
 *
 * @param sample true when any row's provenance says {@code sample} or {@code illustrative} (the shipped rows do)
 */
public record VersionedRuleTable(String agreement, HsEdition edition, int version, Instant loadedAt, String source,
                                 boolean sample, RuleTable table) {
    public VersionedRuleTable {
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(table, "table");
        if (!agreement.matches("[A-Z0-9-]{2,16}")) {
            throw new IllegalArgumentException("agreement must be 2-16 upper-case letters, digits or '-', e.g. RCEP");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more");
        }
    }

    /** Whether the rows of {@code table} are marked as samples in their provenance. */
    public static boolean samples(RuleTable table) {
        return table.entries().stream().anyMatch(e -> {
            String p = e.provenance().toLowerCase(Locale.ROOT);
            return p.contains("sample") || p.contains("illustrative");
        });
    }

    /** The shipped table ({@link RuleTable#loadDefault()}) as version 1 of RCEP / HS 2012, marked as samples. */
    public static VersionedRuleTable shipped() {
        RuleTable table = RuleTable.loadDefault();
        return new VersionedRuleTable("RCEP", HsEdition.HS2012, 1, Instant.EPOCH, RuleTable.DEFAULT_RESOURCE,
                samples(table), table);
    }

    /** e.g. {@code RCEP HS2012 v3 (sample rows)}. */
    public String label() {
        return agreement + " " + edition + " v" + version + (sample ? " (sample rows)" : "");
    }

    /** This table, for HS codes stated in {@code declaredEdition}, through {@code correlation}. */
    public RuleLookup lookupFrom(HsEdition declaredEdition, HsCorrelation correlation) {
        return hs -> lookup(hs, declaredEdition, correlation);
    }

    /**
     * The rule for {@code hs} (edition {@code declared}): the code correlated into the table's edition, then the
     * most specific row. When the code corresponds to several subheadings whose rules differ, there is no single
     * rule: empty (the determination then asks for the rule with the request).
     */
    public Optional<RuleEntry> lookup(HsCode hs, HsEdition declared, HsCorrelation correlation) {
        Set<HsCode> targets = declared == edition ? Set.of(hs) : correlation.correlate(hs, declared, edition);
        List<RuleEntry> found = new ArrayList<>();
        for (HsCode t : targets) {
            table.lookup(t).ifPresent(found::add);
        }
        if (found.isEmpty() || found.stream().map(e -> e.rule().text()).distinct().count() > 1) {
            return Optional.empty();
        }
        RuleEntry entry = found.get(0);
        String via = declared == edition ? "" : "; " + declared + " " + hs + " corresponds to " + edition + " "
                + targets.stream().map(HsCode::code).collect(Collectors.joining(", ")) + " (HS correlation)";
        return Optional.of(new RuleEntry(entry.hsPrefix(), entry.rule(), label() + ": " + entry.provenance() + via));
    }
}
