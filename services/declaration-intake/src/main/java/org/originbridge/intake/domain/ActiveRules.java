package org.originbridge.intake.domain;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.originbridge.origin.code.HsCode;
import org.originbridge.origin.rule.HsCorrelation;
import org.originbridge.origin.rule.HsEdition;
import org.originbridge.origin.rule.RuleEntry;
import org.originbridge.origin.rule.RuleLookup;
import org.originbridge.origin.rule.RuleTable;
import org.originbridge.origin.rule.VersionedRuleTable;

/**
 * The rule table the determination uses: the most recently loaded version of the agreement's table (operator,
 * {@link ErpImports#loadRuleTable}), else the shipped sample table (RCEP, HS 2012); declarations' HS codes are read
 * as {@code declaredEdition} and correlated into the table's edition. The latest version is looked up at most once
 * per {@code refresh} (so every instance follows a load within that bound).
 */
public final class ActiveRules implements RuleLookup {
    private final ErpStore store;
    private final String agreement;
    private final HsEdition declaredEdition;
    private final HsCorrelation correlation;
    private final Clock clock;
    private final Duration refresh;
    private final VersionedRuleTable shipped;
    private volatile VersionedRuleTable current;
    private volatile Instant checkedAt = Instant.MIN;

    public ActiveRules(ErpStore store, String agreement, HsEdition declaredEdition, HsCorrelation correlation,
                       Clock clock, Duration refresh) {
        this.store = Objects.requireNonNull(store, "store");
        this.agreement = Objects.requireNonNull(agreement, "agreement");
        this.declaredEdition = Objects.requireNonNull(declaredEdition, "declaredEdition");
        this.correlation = Objects.requireNonNull(correlation, "correlation");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        this.shipped = VersionedRuleTable.shipped();
        this.current = shipped;
    }

    @Override
    public Optional<RuleEntry> lookup(HsCode hs) {
        return active().lookup(hs, declaredEdition, correlation);
    }

    /** The version in use now. */
    public VersionedRuleTable active() {
        Instant now = clock.instant();
        if (checkedAt.plus(refresh).isBefore(now)) {
            checkedAt = now;
            store.latestRuleTable(agreement).ifPresent(latest -> {
                VersionedRuleTable c = current;
                if (c == shipped || c.version() != latest.version() || c.edition() != latest.edition()) {
                    current = new VersionedRuleTable(latest.agreement(), latest.edition(), latest.version(),
                            latest.loadedAt(), latest.source(), latest.sample(),
                            RuleTable.parse(new StringReader(latest.text()), latest.source()));
                }
            });
        }
        return current;
    }

    /** Forgets when the store was last asked (after a load on this instance). */
    public void reload() {
        checkedAt = Instant.MIN;
    }

    public HsEdition declaredEdition() {
        return declaredEdition;
    }
}
