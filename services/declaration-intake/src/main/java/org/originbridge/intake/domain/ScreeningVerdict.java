package org.originbridge.intake.domain;

import org.originbridge.origin.declaration.Declaration;
import java.time.Instant;
import java.util.List;

import org.originbridge.origin.FieldError;

/** What screening decided about one declaration. */
public sealed interface ScreeningVerdict {

    Declaration declaration();

    Instant decidedAt();

    /** Passed Annex 3B validation and, when performed, the origin pre-check. */
    record Accepted(Declaration declaration, OriginPreCheck preCheck, Instant decidedAt) implements ScreeningVerdict {
    }

    /**
     * Refused with every problem, each naming its field in the submitted shape (e.g. {@code goods[0].hsCode}).
     *
     * @param preCheck the pre-check when performed, else null
     */
    record Rejected(Declaration declaration, List<FieldError> problems, OriginPreCheck preCheck, Instant decidedAt)
            implements ScreeningVerdict {
        public Rejected {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejection needs at least one problem");
            }
        }
    }
}
