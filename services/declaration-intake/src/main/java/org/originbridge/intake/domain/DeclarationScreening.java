package org.originbridge.intake.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.originbridge.origin.FieldError;
import org.originbridge.origin.declaration.DeclarationValidator;

/**
 * Use case: screen one submitted declaration. Validates it against Annex 3B (every problem at once),
 * runs the origin pre-check on the bills of materials, and publishes the verdict: rejected with all
 * problems (plus the pre-check when performed) or accepted with the pre-check. Deterministic for a
 * given declaration and day, so a replay publishes the same verdict under the same key.
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
        List<FieldError> problems = new ArrayList<>(validator.validate(CoreTranslation.toCore(declaration)).errors()
                .stream().map(CoreTranslation::toSubmittedPath).toList());
        OriginPreChecker.Result preCheck = preChecker.check(declaration, problems);
        problems.addAll(preCheck.problems());
        if (problems.isEmpty()) {
            return new ScreeningVerdict.Accepted(declaration, preCheck.preCheck(), clock.instant());
        }
        return new ScreeningVerdict.Rejected(declaration, problems,
                preCheck.preCheck().performed() ? preCheck.preCheck() : null, clock.instant());
    }
}
