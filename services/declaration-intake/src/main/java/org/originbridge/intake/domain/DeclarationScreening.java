package org.originbridge.intake.domain;

import org.originbridge.origin.declaration.Declaration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.originbridge.origin.FieldError;
import org.originbridge.origin.InputLimits;
import org.originbridge.origin.declaration.DeclarationValidator;

/**
 * Use case: screen one submitted declaration. Validates it against Annex 3B (every problem at once),
 * runs the origin pre-check on the bills of materials, and publishes the verdict: rejected with all
 * problems (plus the pre-check when performed) or accepted with the pre-check. Deterministic for a
 * given declaration and day, so a replay publishes the same verdict under the same key. Input beyond
 * {@link InputLimits} is a problem like any other; at most {@link InputLimits#maxReportedProblems()} are
 * published (plus a count of the rest), so a rejection always fits on its topic.
 */
public final class DeclarationScreening {

    private final DeclarationValidator validator;
    private final OriginPreChecker preChecker;
    private final DeclarationOutcomes outcomes;
    private final IntakeMetrics metrics;
    private final Clock clock;

    public DeclarationScreening(DeclarationValidator validator, OriginPreChecker preChecker,
            DeclarationOutcomes outcomes, IntakeMetrics metrics, Clock clock) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.preChecker = Objects.requireNonNull(preChecker, "preChecker");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ScreeningVerdict screen(Declaration declaration) {
        ScreeningVerdict verdict = metrics.timeScreening(() -> {
            ScreeningVerdict v = decide(declaration);
            outcomes.publish(v);
            return v;
        });
        if (verdict instanceof ScreeningVerdict.Accepted) {
            metrics.accepted();
        } else {
            metrics.rejected();
        }
        return verdict;
    }

    /** The verdict, without publishing it. */
    public ScreeningVerdict decide(Declaration declaration) {
        List<FieldError> problems = new ArrayList<>(validator.validate(declaration).errors());
        OriginPreChecker.Result preCheck = DeclarationValidator.withinStructuralLimits(declaration)
                ? preChecker.check(declaration, problems)
                : new OriginPreChecker.Result(new OriginPreCheck(OriginPreCheck.Status.NOT_PERFORMED,
                        "not performed: the declaration exceeds the input limits (see the problems)", List.of()), List.of());
        problems.addAll(preCheck.problems());
        if (problems.isEmpty()) {
            return new ScreeningVerdict.Accepted(declaration, preCheck.preCheck(), clock.instant());
        }
        return new ScreeningVerdict.Rejected(declaration, InputLimits.DEFAULT.capped(problems),
                preCheck.preCheck().performed() ? preCheck.preCheck() : null, clock.instant());
    }
}
