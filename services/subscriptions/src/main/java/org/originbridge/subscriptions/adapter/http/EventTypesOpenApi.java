package org.originbridge.subscriptions.adapter.http;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.originbridge.subscriptions.domain.EventType;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The served OpenAPI document (docs/api/subscriptions.yaml) names the event types a subscription, a stream and a
 * subscription view carry, taken from {@link EventType} itself so the document cannot lag behind the code: the
 * {@code types} arrays of the subscription bodies list them as an enum, the stream's {@code types} parameter (comma
 * separated) names them in its description.
 */
@Component
public class EventTypesOpenApi implements OpenApiCustomizer {

    static final List<String> WIRE_NAMES = Arrays.stream(EventType.values()).map(EventType::wireName).toList();

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void customise(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents() == null ? null : api.getComponents().getSchemas();
        if (schemas != null) {
            for (String body : List.of("NewSubscription", "SubscriptionView", "CreatedSubscription")) {
                Schema schema = schemas.get(body);
                Object types = schema == null || schema.getProperties() == null ? null : schema.getProperties().get("types");
                if (types instanceof Schema array && array.getItems() != null) {
                    array.getItems().setEnum(WIRE_NAMES);
                }
            }
        }
        if (api.getPaths() != null) {
            api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                if (operation.getParameters() != null) {
                    for (Parameter parameter : operation.getParameters()) {
                        if ("types".equals(parameter.getName()) && "query".equals(parameter.getIn())) {
                            parameter.setDescription("comma-separated event types, any of: " + String.join(", ", WIRE_NAMES));
                        }
                    }
                }
            }));
        }
    }
}
