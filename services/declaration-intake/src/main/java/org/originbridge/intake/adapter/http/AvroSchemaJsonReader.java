package org.originbridge.intake.adapter.http;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.InputLimits;
import org.originbridge.origin.code.Decimals;
import org.originbridge.origin.code.InvalidCodeException;

import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON tree into an Avro record by walking the record's schema: the schema alone says which fields
 * exist (any other property is {@code UNKNOWN_FIELD}), their types, which may be null or absent
 * ({@code ["null", T]} unions; a field with a default takes it when absent), decimal precision and scale
 * ({@code bytes} with logical type {@code decimal}: exact, never rounded, never through {@code double}) and dates
 * (logical type {@code date}: {@code yyyy-MM-dd}). So a field added to an .avsc is read with no other change.
 * What a schema cannot say is given by {@link Contract}: list sizes per element type, fields the client may
 * not set, and what an absent non-null field without default means. Every problem is collected with its field
 * path ({@code goods[0].fobValue.amount}); no message echoes a hostile value. Records are created through
 * {@link SpecificData}: the generated class where there is one, else a generic record.
 * The JSON's own limits (depth, number and string lengths) are enforced when it is parsed
 * ({@link org.originbridge.origin.json.JsonLimits}); this walk never goes deeper than the schema.
 */
final class AvroSchemaJsonReader {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final SpecificData DATA = SpecificData.get();

    /** What the contract says beyond its schema. */
    interface Contract {
        /** Field paths (without indexes, e.g. {@code submittedAt}) the client may send but that are never read. */
        Set<String> ignored();

        /** The most elements a list of this element type (a record's simple name, e.g. {@code GoodsItem}) may have. */
        int maxItems(Schema elementType);

        /**
         * The value of an absent (or null) field that the schema says is neither nullable nor defaulted; may
         * record a problem and return null.
         *
         * @param index the enclosing record's index in its list, or -1
         */
        Object absent(Schema.Field field, String path, int index, Problems problems);
    }

    /** Collected problems. */
    static final class Problems {
        final List<FieldError> list = new ArrayList<>();

        void add(String field, String code, String message) {
            list.add(new FieldError(field, code, message));
        }
    }

    private final Contract contract;

    AvroSchemaJsonReader(Contract contract) {
        this.contract = Objects.requireNonNull(contract, "contract");
    }

    /** The record read from {@code node} (an object), or null; problems are added to {@code problems}. */
    IndexedRecord read(JsonNode node, Schema schema, Problems problems) {
        return record(node, schema, "", -1, problems);
    }

    private IndexedRecord record(JsonNode n, Schema schema, String path, int index, Problems problems) {
        String prefix = path.isEmpty() ? "" : path + ".";
        List<String> known = schema.getFields().stream().map(Schema.Field::name).sorted().toList();
        for (String property : n.propertyNames()) {
            if (schema.getField(property) == null) {
                problems.add(prefix + InputLimits.fieldName(property), ErrorCodes.UNKNOWN_FIELD,
                        "is not a field of this record; expected one of " + known);
            }
        }
        IndexedRecord record = (IndexedRecord) DATA.newRecord(null, schema);
        for (Schema.Field field : schema.getFields()) {
            String fieldPath = prefix + field.name();
            if (contract.ignored().contains(withoutIndexes(fieldPath))) {
                continue;
            }
            JsonNode value = n.get(field.name());
            Object read;
            if (value == null || value.isNull()) {
                read = absent(field, fieldPath, index, problems);
            } else {
                read = value(value, nonNull(field.schema()), fieldPath, problems);
                if (read == null && !nullable(field.schema())) {
                    read = defaultOf(field, nonNull(field.schema()));
                }
            }
            if (read != null) {
                record.put(field.pos(), read); // else left unset: a problem was recorded, or the field may be null
            }
        }
        return record;
    }

    private Object absent(Schema.Field field, String path, int index, Problems problems) {
        if (nullable(field.schema())) {
            return null;
        }
        if (field.hasDefaultValue()) {
            return defaultOf(field, field.schema());
        }
        return contract.absent(field, path, index, problems);
    }

    private static Object defaultOf(Schema.Field field, Schema schema) {
        if (!field.hasDefaultValue()) {
            return null;
        }
        return switch (schema.getType()) {
            case ENUM -> DATA.createEnum(String.valueOf(field.defaultVal()), schema);
            case ARRAY -> new ArrayList<>();
            default -> field.defaultVal();
        };
    }

    private Object value(JsonNode n, Schema schema, String path, Problems problems) {
        LogicalType logical = schema.getLogicalType();
        return switch (schema.getType()) {
            case RECORD -> {
                if (!n.isObject()) {
                    problems.add(path, ErrorCodes.INVALID_FORMAT, "must be an object, got " + kind(n));
                    yield null;
                }
                yield record(n, schema, path, -1, problems);
            }
            case ARRAY -> list(n, schema.getElementType(), path, problems);
            case STRING -> text(n, path, problems);
            case ENUM -> symbol(n, schema, path, problems);
            case BOOLEAN -> {
                if (!n.isBoolean()) {
                    problems.add(path, ErrorCodes.INVALID_FORMAT, "must be true or false, got " + kind(n));
                    yield null;
                }
                yield n.booleanValue();
            }
            case INT -> logical instanceof LogicalTypes.Date ? date(n, path, problems) : integer(n, path, problems);
            case BYTES -> logical instanceof LogicalTypes.Decimal d
                    ? decimal(n, d.getScale(), d.getPrecision(), path, problems)
                    : unsupported(schema, path, problems);
            default -> unsupported(schema, path, problems);
        };
    }

    private List<Object> list(JsonNode n, Schema element, String path, Problems problems) {
        if (!n.isArray()) {
            problems.add(path, ErrorCodes.INVALID_FORMAT, "must be an array, got " + kind(n));
            return null;
        }
        var tooMany = InputLimits.tooMany(path, n.size(), contract.maxItems(element), "entries");
        if (tooMany.isPresent()) {
            problems.list.add(tooMany.get());
            return null;
        }
        Schema type = nonNull(element);
        List<Object> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : n.values()) {
            String p = path + "[" + i + "]";
            Object v;
            if (type.getType() == Schema.Type.RECORD) {
                if (e.isNull()) {
                    problems.add(p, ErrorCodes.REQUIRED, "an element must be an object, got null");
                    v = null;
                } else if (!e.isObject()) {
                    problems.add(p, ErrorCodes.INVALID_FORMAT, "must be an object, got " + kind(e));
                    v = null;
                } else {
                    v = record(e, type, p, i, problems);
                }
            } else if (e.isNull()) {
                problems.add(p, ErrorCodes.INVALID_FORMAT, "must not be null");
                v = null;
            } else {
                v = value(e, type, p, problems);
            }
            if (v != null) {
                out.add(v);
            }
            i++;
        }
        return out;
    }

    private static String text(JsonNode n, String path, Problems problems) {
        if (!n.isString()) {
            problems.add(path, ErrorCodes.INVALID_FORMAT, "must be a string, got " + kind(n));
            return null;
        }
        var tooLong = InputLimits.DEFAULT.tooLong(path, n.stringValue());
        if (tooLong.isPresent()) {
            problems.list.add(tooLong.get());
            return null;
        }
        return n.stringValue();
    }

    private static Object symbol(JsonNode n, Schema schema, String path, Problems problems) {
        String s = text(n, path, problems);
        if (s == null) {
            return null;
        }
        String wanted = s.strip().toUpperCase(Locale.ROOT);
        if (schema.hasEnumSymbol(wanted)) {
            return DATA.createEnum(wanted, schema);
        }
        problems.add(path, ErrorCodes.INVALID_VALUE, InputLimits.shown(s) + " is not one of " + schema.getEnumSymbols());
        return null;
    }

    private static Integer integer(JsonNode n, String path, Problems problems) {
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            problems.add(path, ErrorCodes.INVALID_FORMAT, "must be a whole number, got " + kind(n));
            return null;
        }
        return n.intValue();
    }

    private static LocalDate date(JsonNode n, String path, Problems problems) {
        String s = text(n, path, problems);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s, DATE);
        } catch (DateTimeParseException e) {
            problems.add(path, ErrorCodes.INVALID_FORMAT, InputLimits.shown(s) + " is not a date in the form yyyy-MM-dd");
            return null;
        }
    }

    /** Exact decimal at the schema's scale: more decimals than the schema holds is an error, never rounded. */
    private static BigDecimal decimal(JsonNode n, int scale, int precision, String path, Problems problems) {
        BigDecimal value;
        try {
            if (n.isNumber()) {
                value = Decimals.bounded(n.decimalValue()); // Jackson bounds the length; this the exponent
            } else if (n.isString()) {
                value = Decimals.parse(n.stringValue());
            } else {
                value = null;
            }
        } catch (InvalidCodeException e) {
            problems.add(path, ErrorCodes.LIMIT_EXCEEDED.equals(e.code()) ? e.code() : ErrorCodes.INVALID_FORMAT,
                    e.getMessage());
            return null;
        }
        if (value == null) {
            problems.add(path, ErrorCodes.INVALID_FORMAT, "must be a decimal number or a decimal string, got " + kind(n));
            return null;
        }
        BigDecimal scaled;
        try {
            scaled = value.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            problems.add(path, ErrorCodes.INVALID_AMOUNT, value.toPlainString() + " has more than " + scale
                    + " decimal places; the schema holds " + scale + " (no rounding is applied)");
            return null;
        }
        if (scaled.precision() > precision) {
            problems.add(path, ErrorCodes.INVALID_AMOUNT, value.toPlainString() + " has more than "
                    + (precision - scale) + " digits before the decimal point");
            return null;
        }
        return scaled;
    }

    private static Object unsupported(Schema schema, String path, Problems problems) {
        problems.add(path, ErrorCodes.INVALID_VALUE, "cannot be given in JSON (schema type " + schema.getType()
                .getName() + ")");
        return null;
    }

    private static boolean nullable(Schema schema) {
        return schema.getType() == Schema.Type.UNION
                && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
    }

    /** T of a {@code ["null", T]} union, else the schema itself. */
    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElse(schema);
    }

    private static String withoutIndexes(String path) {
        return path.replaceAll("\\[\\d+]", "");
    }

    static String kind(JsonNode n) {
        if (n == null) {
            return "nothing";
        }
        return switch (n.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> n.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
