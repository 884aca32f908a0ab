package org.originbridge.status.domain;

import java.time.Instant;
import java.util.List;

/**
 * Where a declaration stands at intake: SUBMITTED (seen on coo-declarations-submitted, not yet
 * screened), ACCEPTED or REJECTED (with every problem).
 *
 * @param version the guard that orders intake facts: see {@link #versionOf}
 */
public record IntakeRecord(String outcome, Instant at, Long version, List<Problem> problems, PreCheck preCheck) {

    public static final String SUBMITTED = "SUBMITTED";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String REJECTED = "REJECTED";

    public IntakeRecord {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public static IntakeRecord of(String outcome, Instant at, List<Problem> problems, PreCheck preCheck) {
        return new IntakeRecord(outcome, at, versionOf(outcome, at), problems, preCheck);
    }

    /**
     * A later fact wins; at the same millisecond an outcome (ACCEPTED/REJECTED) wins over the
     * SUBMITTED it answers. Replays carry the same version and change nothing.
     */
    public static long versionOf(String outcome, Instant at) {
        return at.toEpochMilli() * 2 + (SUBMITTED.equals(outcome) ? 0 : 1);
    }

    /** One refused field. */
    public record Problem(String field, String code, String message) {
    }

    /** The origin pre-check intake performed. */
    public record PreCheck(String status, String summary, List<ItemResult> items) {
        public PreCheck {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** The origin determination of one goods item. */
    public record ItemResult(Integer itemNumber, String hsCode, Boolean originating, String ruleApplied,
            String rvcPercent, List<String> reasons) {
        public ItemResult {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }
}
