package org.originbridge.origin.json;

import java.util.List;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.determination.DeterminationRequest;

/** A parsed determination request, or every field error in the JSON. */
public sealed interface RequestOutcome {

    record Parsed(DeterminationRequest request) implements RequestOutcome {
    }

    record Invalid(List<FieldError> errors) implements RequestOutcome {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}
