package org.originbridge.intake.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The origin pre-check of a declaration: one determination per goods item that carries a bill of
 * materials; NOT_PERFORMED when no item could be determined.
 */
public record OriginPreCheck(Status status, String summary, List<ItemDetermination> items) {

    public enum Status { PERFORMED, NOT_PERFORMED }

    public OriginPreCheck {
        items = List.copyOf(items);
    }

    public boolean performed() {
        return status == Status.PERFORMED;
    }

    /** The origin determination of one goods item from its bill of materials. */
    public record ItemDetermination(int itemNumber, String hsCode, boolean originating, String ruleApplied,
                                    String ruleSource, String rvcMethod, BigDecimal rvcPercent,
                                    List<Alternative> alternatives, List<String> reasons) {
        public ItemDetermination {
            alternatives = List.copyOf(alternatives);
            reasons = List.copyOf(reasons);
        }
    }

    /** One top-level alternative of the rule applied, met or not, with its reasons. */
    public record Alternative(String rule, boolean met, List<String> reasons) {
        public Alternative {
            reasons = List.copyOf(reasons);
        }
    }
}
