package org.originbridge.origin.determination;

import java.util.List;
import org.originbridge.origin.FieldError;

/** Either a determination or every field error that prevented one. */
public sealed interface DeterminationOutcome {

    record Determined(Determination determination) implements DeterminationOutcome {
    }

    record Rejected(List<FieldError> errors) implements DeterminationOutcome {
        public Rejected {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a rejection needs at least one error");
            }
        }
    }
}
