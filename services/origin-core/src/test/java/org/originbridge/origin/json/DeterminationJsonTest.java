package org.originbridge.origin.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.determination.Determination;
import org.originbridge.origin.determination.DeterminationOutcome;
import org.originbridge.origin.determination.RvcMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DeterminationJsonTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final DeterminationJson json = DeterminationJson.withDefaultTable();

    private Determination determined(String request) {
        DeterminationOutcome outcome = json.evaluate(request);
        assertThat(outcome).isInstanceOf(DeterminationOutcome.Determined.class);
        return ((DeterminationOutcome.Determined) outcome).determination();
    }

    private List<FieldError> rejected(String request) {
        DeterminationOutcome outcome = json.evaluate(request);
        assertThat(outcome).isInstanceOf(DeterminationOutcome.Rejected.class);
        return ((DeterminationOutcome.Rejected) outcome).errors();
    }

    @Test
    void exampleRequestRendersTheDocumentedResult() throws IOException {
        String request = Files.readString(Path.of("examples/request.json"));
        DeterminationOutcome outcome = json.evaluate(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)));
        JsonNode result = MAPPER.readTree(json.render(outcome));
        // VNM = (30.00 - 2.00) + 12.00 = 40.00 (indirect oil excluded); RVC = 60 / 100 = 60%
        assertThat(result.get("originating").booleanValue()).isTrue();
        assertThat(result.get("hsCode").stringValue()).isEqualTo("940360");
        assertThat(result.get("ruleApplied").stringValue()).isEqualTo("CTH or RVC40");
        assertThat(result.get("ruleSource").stringValue()).isEqualTo("REQUEST");
        assertThat(result.get("rvc").get("method").stringValue()).isEqualTo("BUILD_DOWN");
        assertThat(result.get("rvc").get("percent").stringValue()).isEqualTo("60.00");
        assertThat(result.get("rvc").get("fob").stringValue()).isEqualTo("100.00");
        assertThat(result.get("rvc").get("vnm").stringValue()).isEqualTo("40.00");
        assertThat(result.get("rvc").get("vom").stringValue()).isEqualTo("8.90");
        assertThat(result.get("alternatives")).hasSize(2);
        assertThat(result.get("alternatives").get(0).get("rule").stringValue()).isEqualTo("CTH");
        assertThat(result.get("alternatives").get(0).get("met").booleanValue()).isFalse();
        assertThat(result.get("alternatives").get(1).get("met").booleanValue()).isTrue();
        assertThat(result.get("deMinimis").get("valuePercent").stringValue()).isEqualTo("12.00");
        assertThat(result.get("reasons").get(0).stringValue()).startsWith("originating");
        assertThat(result.get("status").stringValue()).isEqualTo("ORIGINATING");
        assertThat(result.get("alternatives").get(0).get("determined").booleanValue()).isTrue();
        assertThat(result.get("articlesApplied")).extracting(a -> a.get("article").stringValue())
                .containsExactly("3.2(c)", "3.4", "3.5", "3.5.4", "3.5.5", "3.7.1(a)", "3.10", "Annex 3A headnote 4",
                        "Annex 3A headnotes (CTH)", "Annex 3A headnotes (RVC)");
        assertThat(result.get("articlesApplied").get(0).get("title").stringValue()).contains("product-specific rule");
    }

    @Test
    void noBillOfMaterialsRendersNotDetermined() {
        JsonNode result = MAPPER.readTree(json.render(json.evaluate("""
                {"hsCode": "940360", "fobValue": "100.00", "rule": "CTH or RVC40"}""")));
        assertThat(result.get("originating").booleanValue()).isFalse();
        assertThat(result.get("status").stringValue()).isEqualTo("NOT_DETERMINED");
        assertThat(result.get("alternatives")).allSatisfy(a -> assertThat(a.get("determined").booleanValue()).isFalse());
        assertThat(result.get("reasons").get(0).stringValue()).startsWith("not determined");
    }

    @Test
    void operationsAreMatchedToArticle36AndNamed() {
        JsonNode result = MAPPER.readTree(json.render(json.evaluate("""
                {"hsCode": "940360", "fobValue": "100.00", "rule": "CC", "operations": ["Re-packaging"],
                 "materials": [{"hsCode": "440791", "value": "20.00", "origin": "NON_ORIGINATING"}]}""")));
        assertThat(result.get("status").stringValue()).isEqualTo("NOT_ORIGINATING");
        assertThat(result.get("articlesApplied")).extracting(a -> a.get("article").stringValue()).contains("3.6(b)");
        assertThat(result.get("minimalOperations").get("onlyMinimal").booleanValue()).isTrue();
        assertThat(result.get("minimalOperations").get("article").stringValue()).isEqualTo("3.6(b)");
        assertThat(result.get("minimalOperations").get("matched").get(0).get("operation").stringValue()).isEqualTo("Re-packaging");
        assertThat(result.get("minimalOperations").get("matched").get(0).get("article").stringValue()).isEqualTo("3.6(b)");
    }

    @Test
    void operationsFromOtherAgreementsAreListedApart() {
        JsonNode result = MAPPER.readTree(json.render(json.evaluate("""
                {"hsCode": "940360", "fobValue": "100.00", "rule": "CC", "operations": ["packing", "ironing", "CNC milling"],
                 "materials": [{"hsCode": "440791", "value": "20.00", "origin": "NON_ORIGINATING"}]}""")));
        assertThat(result.get("status").stringValue()).isEqualTo("ORIGINATING");
        JsonNode ops = result.get("minimalOperations");
        assertThat(ops.get("onlyMinimal").booleanValue()).isFalse();
        assertThat(ops.has("article")).isFalse();
        assertThat(ops.get("otherAgreementsOnly").get(0).stringValue()).isEqualTo("ironing");
        assertThat(ops.get("beyondArticle36").get(0).stringValue()).isEqualTo("CNC milling");
    }

    @Test
    void materialRolesAreRead() {
        Determination d = determined("""
                {"hsCode": "940360", "fobValue": "100.00", "rule": "RVC45",
                 "materials": [{"hsCode": "440791", "value": "50.00", "origin": "NON_ORIGINATING"},
                               {"hsCode": "441510", "value": "10.00", "origin": "NON_ORIGINATING", "role": "transport-packing"},
                               {"hsCode": "481910", "value": "1.00", "origin": "NON_ORIGINATING", "role": "RETAIL_PACKAGING"},
                               {"hsCode": "820559", "value": "1.00", "origin": "ORIGINATING", "role": "accessory"},
                               {"hsCode": "271019", "value": "1.00", "origin": "NON_ORIGINATING", "role": "INDIRECT"}]}""");
        // VNM = 50 + retail packaging 1 = 51 (transport packing and indirect material not counted)
        assertThat(d.rvc().vnm()).isEqualByComparingTo("51.00");
    }

    @Test
    void badOrContradictoryRoleIsAFieldError() {
        List<FieldError> errors = rejected("""
                {"hsCode": "940360", "fobValue": "100.00", "rule": "CTH",
                 "materials": [{"hsCode": "440791", "value": "1", "origin": "ORIGINATING", "role": "PALLET"},
                               {"hsCode": "440791", "value": "1", "origin": "ORIGINATING", "role": "ACCESSORY", "indirect": true}]}""");
        assertThat(errors).extracting(FieldError::field).containsExactly("materials[0].role", "materials[1].role");
        assertThat(errors).extracting(FieldError::code).containsOnly(ErrorCodes.INVALID_VALUE);
    }

    @Test
    void numbersAreReadExactlyNeverThroughDouble() {
        // 0.1 + 0.2 as doubles is 0.30000000000000004; exact: VNM = 0.30 -> (1.00 - 0.30) / 1.00 = 70%
        Determination d = determined("""
                {"hsCode": "940360", "fobValue": 1.00, "rule": "RVC70", "materials": [
                  {"hsCode": "440791", "value": 0.1, "origin": "NON_ORIGINATING"},
                  {"hsCode": "440792", "value": 0.2, "origin": "NON_ORIGINATING"}]}""");
        assertThat(d.rvc().vnm()).isEqualByComparingTo("0.3");
        assertThat(d.rvc().fob().toPlainString()).isEqualTo("1.00");
        assertThat(d.originating()).isTrue();
        Determination big = determined("""
                {"hsCode": "940360", "fobValue": 12345678901234567.89, "rule": "CC", "materials": []}""");
        assertThat(big.rvc().fob().toPlainString()).isEqualTo("12345678901234567.89");
    }

    @Test
    void ruleFromTheTableWhenTheRequestHasNone() {
        Determination d = determined("""
                {"hsCode": "010121", "fobValue": "900", "materials": [
                  {"hsCode": "010121", "value": "500", "origin": "ORIGINATING"}]}""");
        assertThat(d.ruleSource().label()).startsWith("TABLE:illustrative");
        assertThat(d.ruleApplied().text()).isEqualTo("WO");
        assertThat(d.originating()).isTrue();
        JsonNode rendered = MAPPER.readTree(json.render(d));
        assertThat(rendered.get("ruleTableEntry").stringValue()).isEqualTo("01");
    }

    @Test
    void buildUpWithCosts() {
        Determination d = determined("""
                {"hsCode": "940360", "fobValue": "250.00", "rule": "RVC40", "rvcMethod": "BUILD_UP",
                 "costs": {"directLabour": "25.00", "directOverhead": 10, "profit": "5.00"},
                 "materials": [{"hsCode": "440791", "value": "60.00", "origin": "ORIGINATING"}]}""");
        assertThat(d.rvc().method()).isEqualTo(RvcMethod.BUILD_UP);
        assertThat(d.rvc().percent()).isEqualByComparingTo("40.00");
        assertThat(json.render(d)).contains("\"buildUpCosts\" : \"40.00\"");
    }

    @Test
    void minimalOperationsAndFlagsAreRead() {
        Determination d = determined("""
                {"hsCode": "940360", "fobValue": "100", "rule": "CC", "operations": ["packing", "labelling"],
                 "materials": [{"hsCode": "440791", "value": "10", "origin": "NON_ORIGINATING"}]}""");
        assertThat(d.originating()).isFalse();
    }

    @Test
    void everyFieldErrorAtOnce() {
        List<FieldError> errors = rejected("""
                {"hsCode": 940360, "fobValue": "-5", "currency": "DOLLARS", "rule": "CTH or FOO",
                 "rvcMethod": "SIDEWAYS", "netWeightKg": "heavy", "colour": "red",
                 "costs": {"profit": "-1", "tip": 1},
                 "materials": [
                   {"hsCode": "4407", "value": "abc", "origin": "LOCAL"},
                   {"value": "1.00", "origin": "ORIGINATING", "deductibleCosts": "2.00", "indirect": "yes"},
                   "not an object"],
                 "operations": [1]}""");
        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder(
                "colour", "hsCode", "fobValue", "currency", "netWeightKg", "rule", "rvcMethod",
                "costs.tip", "costs.profit",
                "materials[0].hsCode", "materials[0].value", "materials[0].origin",
                "materials[1].hsCode", "materials[1].indirect", "materials[1].deductibleCosts",
                "materials[2]", "operations[0]");
        assertThat(errors).filteredOn(e -> e.field().equals("rule")).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_RULE);
            assertThat(e.message()).contains("unknown criterion 'FOO'");
        });
        assertThat(errors).filteredOn(e -> e.field().equals("hsCode")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("must be a string"));
        assertThat(errors).filteredOn(e -> e.field().equals("colour")).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCodes.UNKNOWN_FIELD));
    }

    @Test
    void requiredFields() {
        assertThat(rejected("{}")).extracting(FieldError::field).containsExactly("hsCode", "fobValue");
        assertThat(rejected("{}")).allSatisfy(e -> assertThat(e.code()).isEqualTo(ErrorCodes.REQUIRED));
        assertThat(rejected("""
                {"hsCode": "940360", "fobValue": "1", "materials": [{}]}"""))
                .extracting(FieldError::field).containsExactly("materials[0].hsCode", "materials[0].value", "materials[0].origin");
    }

    @Test
    void noRuleAnywhere() {
        assertThat(rejected("""
                {"hsCode": "850440", "fobValue": "1"}""")).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCodes.NO_RULE));
    }

    @Test
    void malformedJson() {
        assertThat(rejected("{\"hsCode\": ")).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("$");
            assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_JSON);
            assertThat(e.message()).contains("not valid JSON");
        });
        assertThat(rejected("[1,2]")).singleElement().satisfies(e -> assertThat(e.message()).contains("JSON object"));
        assertThat(rejected("{\"hsCode\": \"940360\", \"hsCode\": \"940360\"}")).singleElement()
                .satisfies(e -> assertThat(e.message()).containsIgnoringCase("duplicate"));
        assertThat(rejected("{} {}")).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_JSON));
    }

    @Test
    void errorAndProblemRendering() {
        List<FieldError> errors = List.of(new FieldError("materials[0].value", ErrorCodes.INVALID_AMOUNT, "bad"));
        JsonNode plain = MAPPER.readTree(json.renderErrors(errors));
        assertThat(plain.get("errors").get(0).get("field").stringValue()).isEqualTo("materials[0].value");
        JsonNode problem = MAPPER.readTree(json.renderProblem(errors));
        assertThat(problem.get("status").intValue()).isEqualTo(400);
        assertThat(problem.get("errors").get(0).get("code").stringValue()).isEqualTo(ErrorCodes.INVALID_AMOUNT);
        assertThat(problem.get("errors").get(0).get("message").stringValue()).isEqualTo("bad");
    }
}
