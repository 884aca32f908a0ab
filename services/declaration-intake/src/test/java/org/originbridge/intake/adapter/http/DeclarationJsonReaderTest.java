package org.originbridge.intake.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originbridge.intake.Declarations.bomMeetingCthAndRvc;
import static org.originbridge.intake.Declarations.certificateOfOrigin;
import static org.originbridge.intake.Declarations.item;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.originbridge.intake.Declarations;
import org.originbridge.origin.declaration.Declaration;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;

import tools.jackson.databind.json.JsonMapper;

class DeclarationJsonReaderTest {

    private final DeclarationJsonReader reader = new DeclarationJsonReader(() -> "GENERATED-ID");
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsWhatTheTestDataBuilderWrites() {
        Declaration declaration = certificateOfOrigin().goods(item().bom(bomMeetingCthAndRvc()).build()).build();

        DeclarationJsonReader.Result result = reader.read(Declarations.json(declaration));

        assertThat(result).isEqualTo(new DeclarationJsonReader.Result.Read(declaration));
    }

    @Test
    void generatesTheIdWhenAbsentAndIgnoresSubmittedAt() {
        Map<String, Object> body = Declarations.jsonTree(certificateOfOrigin().build());
        body.remove("declarationId");
        body.put("submittedAt", "2020-01-01T00:00:00Z");

        Declaration read = ((DeclarationJsonReader.Result.Read) reader.read(json.writeValueAsString(body))).declaration();

        assertThat(read.declarationId()).isEqualTo("GENERATED-ID");
        assertThat(read.submittedAt()).isNull();
    }

    @Test
    void amountsAreReadExactlyFromNumbersAndStringsAndSetToTheSchemaScale() {
        String body = Declarations.json(certificateOfOrigin().build())
                .replace("\"amount\":\"100.00\"", "\"amount\":0.1")
                .replace("\"quantity\":\"5000.000\"", "\"quantity\":12");

        Declaration.GoodsItem read = ((DeclarationJsonReader.Result.Read) reader.read(body)).declaration().goods().get(0);

        assertThat(read.fobValue().amount()).isEqualTo(new BigDecimal("0.10"));
        assertThat(read.quantity()).isEqualTo(new BigDecimal("12.000"));
    }

    @Test
    void everyStructuralProblemIsListedWithItsField() {
        Map<String, Object> body = Declarations.jsonTree(certificateOfOrigin()
                .goods(item().bom(bomMeetingCthAndRvc()).build()).build());
        body.remove("supplierId");
        body.put("issueDate", "20/11/2026");
        body.put("documentType", "PASSPORT");
        body.put("destinationCountry", 81);
        body.put("exporterDeclration", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> goods = (Map<String, Object>) ((List<Object>) body.get("goods")).get(0);
        goods.put("fobValue", Map.of("amount", "100.001", "currency", "USD"));
        goods.put("quantity", "many");
        goods.put("itemNumber", "one");
        @SuppressWarnings("unchecked")
        Map<String, Object> bom = (Map<String, Object>) goods.get("billOfMaterials");
        @SuppressWarnings("unchecked")
        Map<String, Object> material = (Map<String, Object>) ((List<Object>) bom.get("materials")).get(0);
        material.put("value", true);
        material.put("origin", "MARS");

        DeclarationJsonReader.Result result = reader.read(json.writeValueAsString(body));

        assertThat(result).isInstanceOf(DeclarationJsonReader.Result.Invalid.class);
        List<FieldError> errors = ((DeclarationJsonReader.Result.Invalid) result).errors();
        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder(
                "supplierId", "issueDate", "documentType", "destinationCountry", "exporterDeclration",
                "goods[0].fobValue.amount", "goods[0].quantity", "goods[0].itemNumber",
                "goods[0].billOfMaterials.materials[0].value", "goods[0].billOfMaterials.materials[0].origin");
        assertThat(errors).filteredOn(e -> e.field().equals("goods[0].fobValue.amount")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("more than 2 decimal places"));
        assertThat(errors).filteredOn(e -> e.field().equals("exporterDeclration")).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCodes.UNKNOWN_FIELD));
    }

    @Test
    void portsArePublishedAsTheNormalisedUnLocode() {
        Map<String, Object> body = Declarations.jsonTree(certificateOfOrigin().build());
        @SuppressWarnings("unchecked")
        Map<String, Object> consignment = (Map<String, Object>) body.get("consignment");
        consignment.put("portOfLoading", "cn ysa");
        consignment.put("portOfDischarge", "VN CMT");

        Declaration read = ((DeclarationJsonReader.Result.Read) reader.read(json.writeValueAsString(body))).declaration();

        assertThat(read.consignment().portOfLoading()).isEqualTo("CNYSA");
        var published = org.originbridge.intake.adapter.kafka.DeclarationAvroMapper.toEvent(read.withSubmittedAt(java.time.Instant.EPOCH))
                .getConsignment();
        assertThat(published.getPortOfLoading()).isEqualTo("CNYSA");
        assertThat(published.getPortOfDischarge()).isEqualTo("VNCMT");
    }

    @Test
    void aBlankSupplierIdIsMissing() {
        Map<String, Object> body = Declarations.jsonTree(certificateOfOrigin().build());
        body.put("supplierId", "  ");

        assertThat(((DeclarationJsonReader.Result.Invalid) reader.read(json.writeValueAsString(body))).errors())
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("supplierId", ErrorCodes.REQUIRED));
    }

    @Test
    void aMoneyObjectWithoutCurrencyIsUnreadable() {
        String body = Declarations.json(certificateOfOrigin().build()).replace(",\"currency\":\"USD\"", "");

        assertThat(((DeclarationJsonReader.Result.Invalid) reader.read(body)).errors())
                .extracting(FieldError::field).containsExactly("goods[0].fobValue.currency");
    }

    @Test
    void textThatIsNotJsonOrNotAnObjectIsUnreadable() {
        assertThat(((DeclarationJsonReader.Result.Invalid) reader.read("{\"declarationId\": ")).errors())
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("$", ErrorCodes.INVALID_JSON));
        assertThat(reader.read("[1,2]")).isInstanceOf(DeclarationJsonReader.Result.Invalid.class);
        assertThat(reader.read("")).isInstanceOf(DeclarationJsonReader.Result.Invalid.class);
    }
}
