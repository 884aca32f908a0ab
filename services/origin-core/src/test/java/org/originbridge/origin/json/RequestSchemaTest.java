package org.originbridge.origin.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.determination.MaterialOrigin;
import org.originbridge.origin.determination.MaterialRole;
import org.originbridge.origin.determination.RvcMethod;

import tools.jackson.databind.json.JsonMapper;

/** The determination request's schema is what RequestReader reads: its fields, its required fields, its values. */
class RequestSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<FieldError> errors(String json) {
        RequestOutcome outcome = new RequestReader().read(JSON.readTree(json));
        return outcome instanceof RequestOutcome.Invalid invalid ? invalid.errors() : List.of();
    }

    @Test
    void theFieldsTheReaderRequiresAreTheSchemasRequiredFields() {
        assertThat(errors("{}")).filteredOn(e -> e.code().equals(ErrorCodes.REQUIRED)).extracting(FieldError::field)
                .containsExactlyInAnyOrderElementsOf(RequestReader.SCHEMA.requiredNames());
        assertThat(errors("{\"hsCode\": \"940540\", \"fobValue\": \"10.00\", \"materials\": [{}]}"))
                .filteredOn(e -> e.code().equals(ErrorCodes.REQUIRED)).extracting(FieldError::field)
                .containsExactlyInAnyOrderElementsOf(RequestReader.SCHEMA.property("materials").items().requiredNames()
                        .stream().map(f -> "materials[0]." + f).toList());
    }

    @Test
    void everyDeclaredFieldIsKnownAndAnythingElseIsAnUnknownField() {
        String everyField = """
                {"hsCode": "940540", "fobValue": "100.00", "currency": "USD", "netWeightKg": 2, "rule": "CTH",
                 "rvcMethod": "BUILD_DOWN", "costs": {"directLabour": 1, "directOverhead": 1, "profit": 1, "other": 1},
                 "materials": [{"id": "M1", "description": "d", "hsCode": "854129", "value": "10.00", "netWeightKg": 1,
                   "origin": "NON_ORIGINATING", "deductibleCosts": "1.00", "indirect": false, "role": "DIRECT"}],
                 "whollyObtained": false, "chemicalReaction": false, "minimalOperationsOnly": false, "operations": []}
                """;
        assertThat(errors(everyField)).isEmpty();
        assertThat(errors("{\"hsCode\": \"940540\", \"fobValue\": 1, \"costs\": {\"tax\": 1}, \"extra\": 1}"))
                .extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("extra", ErrorCodes.UNKNOWN_FIELD),
                        org.assertj.core.groups.Tuple.tuple("costs.tax", ErrorCodes.UNKNOWN_FIELD));
    }

    @Test
    void theSchemasValueListsAreTheModelsEnums() {
        assertThat(RequestReader.SCHEMA.property("rvcMethod").enumValues())
                .containsExactlyInAnyOrder(names(RvcMethod.values()));
        JsonSchema material = RequestReader.SCHEMA.property("materials").items();
        assertThat(material.property("origin").enumValues()).containsExactlyInAnyOrder(names(MaterialOrigin.values()));
        assertThat(material.property("role").enumValues()).containsExactlyInAnyOrder(names(MaterialRole.values()));
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }
}
