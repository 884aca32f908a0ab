package org.originbridge.logistics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.originbridge.origin.json.JsonSchema;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The checked-in DCSA event schema is the one source: the Java enums agree with it, every type's code field is
 * declared with its codes, and the sandbox's published Event (deploy/sandbox dcsa.yaml, what the feed sends)
 * uses the same names and values.
 */
class DcsaEventSchemaTest {

    private static final Path SANDBOX_CONTRACT = Path.of("../../deploy/sandbox/src/main/resources/static/openapi/dcsa.yaml")
            .toAbsolutePath().normalize();

    @Test
    void theEventTypesAndClassifiersOfTheModelAreTheSchemasEnums() {
        assertThat(DcsaEventSchema.EVENT.property("eventType").enumValues())
                .containsExactly(Arrays.stream(NodeEvent.Type.values()).map(Enum::name).toArray(String[]::new));
        assertThat(DcsaEventSchema.EVENT.property("eventClassifierCode").enumValues())
                .containsExactly(Arrays.stream(NodeEvent.Classifier.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void everyEventTypeHasItsCodeFieldWithCodesFromTheSchema() {
        for (NodeEvent.Type type : NodeEvent.Type.values()) {
            assertThat(DcsaEventSchema.EVENT.propertyNames()).as(type.name()).contains(EventCodes.codeField(type));
            assertThat(EventCodes.allowed(type)).as(type.name()).isNotEmpty()
                    .allSatisfy(code -> assertThat(code).hasSize(4));
        }
        assertThat(EventCodes.allowed(NodeEvent.Type.TRANSPORT)).containsExactly("ARRI", "DEPA");
        assertThat(EventCodes.isAllowed(NodeEvent.Type.EQUIPMENT, "DISC")).isTrue();
        assertThat(EventCodes.isAllowed(NodeEvent.Type.EQUIPMENT, "ARRI")).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSandboxFeedsEventUsesTheSameNamesAndValues() throws IOException {
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(SANDBOX_CONTRACT));
        Map<String, Object> event = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                document.get("components")).get("schemas")).get("Event");
        Map<String, Object> properties = (Map<String, Object>) event.get("properties");

        for (String field : new String[] {"eventType", "eventClassifierCode"}) {
            assertThat(DcsaEventSchema.EVENT.property(field).enumValues()).as(field)
                    .containsExactlyInAnyOrderElementsOf((Iterable<String>) ((Map<String, Object>) properties.get(field)).get("enum"));
        }
        for (String field : new String[] {"eventID", "eventCreatedDateTime", "eventDateTime", "transportEventTypeCode",
                "equipmentEventTypeCode", "shipmentEventTypeCode", "equipmentReference", "transportCall",
                "documentReferences", "retractedEventID"}) {
            assertThat(properties).as("sandbox Event").containsKey(field);
            assertThat(DcsaEventSchema.EVENT.propertyNames()).as("our schema").contains(field);
        }
        Map<String, Object> call = (Map<String, Object>) ((Map<String, Object>) properties.get("transportCall")).get("properties");
        JsonSchema ourCall = DcsaEventSchema.EVENT.property("transportCall");
        assertThat(ourCall.propertyNames()).containsExactlyInAnyOrderElementsOf(call.keySet());
        assertThat(ourCall.property("modeOfTransport").enumValues()).containsExactlyInAnyOrderElementsOf(
                (Iterable<String>) ((Map<String, Object>) call.get("modeOfTransport")).get("enum"));
        Map<String, Object> reference = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                properties.get("documentReferences")).get("items")).get("properties");
        assertThat(DcsaEventSchema.EVENT.property("documentReferences").items().property("documentReferenceType")
                .enumValues()).containsExactlyInAnyOrderElementsOf(
                        (Iterable<String>) ((Map<String, Object>) reference.get("documentReferenceType")).get("enum"));
    }
}
