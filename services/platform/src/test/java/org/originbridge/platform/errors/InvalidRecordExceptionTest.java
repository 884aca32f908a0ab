package org.originbridge.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.platform.kafka.FailureClassification;

/** The exception carries origin-core's one field-error record; the DLT reason keeps its "field: message; ..." form. */
class InvalidRecordExceptionTest {

    @Test
    void everyFieldErrorIsKeptWithItsCodeAndTheMessageNamesEachField() {
        InvalidRecordException e = InvalidRecordException.of(List.of(
                new FieldError("declarationId", ErrorCodes.INVALID_ID, "is not a safe id"),
                new FieldError("supplierId", ErrorCodes.REQUIRED, "is empty")));

        assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("declarationId", ErrorCodes.INVALID_ID),
                org.assertj.core.groups.Tuple.tuple("supplierId", ErrorCodes.REQUIRED));
        assertThat(e).hasMessage("declarationId: is not a safe id; supplierId: is empty");
        assertThat(FailureClassification.classify(e)).isEqualTo(FailureClassification.Kind.PERMANENT);
    }

    @Test
    void aFieldWithoutAPreciseCodeIsAnInvalidValue() {
        assertThat(new InvalidRecordException("value", "is null").errors())
                .containsExactly(new FieldError("value", ErrorCodes.INVALID_VALUE, "is null"));
    }

    @Test
    void anInvalidRecordNamesAtLeastOneField() {
        assertThatThrownBy(() -> InvalidRecordException.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
