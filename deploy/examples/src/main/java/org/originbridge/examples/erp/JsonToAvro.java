package org.originbridge.examples.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import tools.jackson.databind.JsonNode;

/**
 * Turns the JSON an ERP posts to {@code POST /api/v1/declarations} into a record of the topic's
 * Avro schema, field by field as the schema says: the HTTP body and the topic's value are the
 * same declaration. Logical types as the API writes them: dates {@code "2026-11-20"}, instants
 * ISO-8601, decimals as strings at the schema's scale ({@code "62500.00"}); JSON fields the schema
 * does not know are ignored, fields the JSON leaves out take the schema's default.
 */
final class JsonToAvro {

    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    private JsonToAvro() {
    }

    static GenericRecord record(Schema schema, JsonNode json) {
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            JsonNode value = json.get(field.name());
            if (value == null) {
                if (!field.hasDefaultValue()) {
                    throw new IllegalArgumentException("the declaration has no " + field.name() + " (the schema requires it)");
                }
                record.put(field.pos(), GenericData.get().getDefaultValue(field));
            } else {
                record.put(field.pos(), value(field.schema(), value, field.name()));
            }
        }
        return record;
    }

    private static Object value(Schema schema, JsonNode json, String where) {
        LogicalType logical = schema.getLogicalType();
        switch (schema.getType()) {
            case UNION -> {
                if (json.isNull()) {
                    return null;
                }
                Schema nonNull = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow();
                return value(nonNull, json, where);
            }
            case RECORD -> {
                return record(schema, json);
            }
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                json.forEach(item -> items.add(value(schema.getElementType(), item, where + "[]")));
                return items;
            }
            case ENUM -> {
                return new GenericData.EnumSymbol(schema, json.asString());
            }
            case STRING -> {
                return json.asString();
            }
            case BOOLEAN -> {
                return json.asBoolean();
            }
            case INT -> {
                return logical instanceof LogicalTypes.Date ? (int) LocalDate.parse(json.asString()).toEpochDay() : json.asInt();
            }
            case LONG -> {
                return logical instanceof LogicalTypes.TimestampMillis && json.isString()
                        ? Instant.parse(json.asString()).toEpochMilli() : json.asLong();
            }
            case BYTES -> {
                if (logical instanceof LogicalTypes.Decimal decimal) {
                    // setScale without rounding: more decimals than the schema allows is an error, never rounded
                    return DECIMALS.toBytes(new BigDecimal(json.asString()).setScale(decimal.getScale()), schema, decimal);
                }
                throw new IllegalArgumentException(where + ": plain bytes are not part of a declaration");
            }
            default -> throw new IllegalArgumentException(where + ": unexpected Avro type " + schema.getType());
        }
    }
}
