package org.originbridge.origin.declaration;

import java.util.List;
import org.originbridge.origin.FieldError;

/** Every problem found in a declaration; valid when there is none. */
public record ValidationResult(List<FieldError> errors) {
    public ValidationResult {
        errors = List.copyOf(errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** Whether some error concerns {@code field}. */
    public boolean hasErrorOn(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }
}
