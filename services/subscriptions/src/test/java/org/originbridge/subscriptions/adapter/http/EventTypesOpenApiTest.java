package org.originbridge.subscriptions.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The event types in the OpenAPI document come from {@code EventType}: the served document (the customizer) and the
 * checked-in docs/api/subscriptions.yaml both list every wire name, issue 10's verification types included.
 */
class EventTypesOpenApiTest {

    private static final Path CHECKED_IN = Path.of("../../docs/api/subscriptions.yaml");

    @Test
    void theServedDocumentListsEveryEventTypeOnTheBodiesAndTheStreamParameter() {
        OpenAPI api = new OpenAPI().components(new Components()
                        .addSchemas("NewSubscription", new ObjectSchema().addProperty("types", new ArraySchema().items(new StringSchema())))
                        .addSchemas("RotateSecret", new ObjectSchema().addProperty("graceSeconds", new StringSchema())))
                .paths(new Paths().addPathItem("/api/v1/events/stream", new PathItem().get(new Operation()
                        .addParametersItem(new Parameter().in("query").name("types").schema(new StringSchema()))
                        .addParametersItem(new Parameter().in("header").name("types")))));

        new EventTypesOpenApi().customise(api);

        Schema<?> body = api.getComponents().getSchemas().get("NewSubscription");
        Schema<?> types = body.getProperties().get("types");
        assertThat(types.getItems().getEnum().stream().map(String::valueOf).toList())
                .containsExactlyElementsOf(EventTypesOpenApi.WIRE_NAMES)
                .contains("declaration.verified", "declaration.not-verified", "declaration.verification-not-applicable",
                        "declaration.verification-revoked");
        List<Parameter> parameters = api.getPaths().get("/api/v1/events/stream").getGet().getParameters();
        assertThat(parameters.get(0).getDescription()).contains("declaration.verification-revoked", "score.changed");
        assertThat(parameters.get(1).getDescription()).as("only the query parameter").isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCheckedInDocumentListsTheSameTypes() throws IOException {
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(CHECKED_IN));
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        for (String body : List.of("NewSubscription", "SubscriptionView", "CreatedSubscription")) {
            Map<String, Object> types = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) schemas.get(body))
                    .get("properties")).get("types");
            assertThat((List<String>) ((Map<String, Object>) types.get("items")).get("enum")).as(body)
                    .containsExactlyElementsOf(EventTypesOpenApi.WIRE_NAMES);
        }
        assertThat(Files.readString(CHECKED_IN)).contains("comma-separated event types, any of: "
                + String.join(", ", EventTypesOpenApi.WIRE_NAMES));
    }
}
