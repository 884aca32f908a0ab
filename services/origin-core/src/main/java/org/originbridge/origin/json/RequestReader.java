package org.originbridge.origin.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.InputLimits;
import org.originbridge.origin.code.Decimals;
import org.originbridge.origin.code.HsCode;
import org.originbridge.origin.code.InvalidCodeException;
import org.originbridge.origin.bom.BomRules;
import org.originbridge.origin.code.Money;
import org.originbridge.origin.determination.BuildUpCosts;
import org.originbridge.origin.determination.DeterminationRequest;
import org.originbridge.origin.determination.Material;
import org.originbridge.origin.determination.MaterialOrigin;
import org.originbridge.origin.determination.MaterialRole;
import org.originbridge.origin.determination.RvcMethod;
import org.originbridge.origin.rule.Rule;
import org.originbridge.origin.rule.RuleParseException;
import org.originbridge.origin.rule.RuleParser;
import tools.jackson.databind.JsonNode;

/**
 * Maps a request JSON tree to a {@link DeterminationRequest}, collecting every field error on the way. The request's
 * fields (known and required) are those of its schema, {@code determination-request.schema.json} next to this
 * class: a new field is declared there, and parsed here with origin-core's vocabulary.
 */
final class RequestReader {
    static final JsonSchema SCHEMA = JsonSchema.resource(RequestReader.class, "determination-request.schema.json");
    private static final Set<String> REQUEST_FIELDS = SCHEMA.propertyNames();
    private static final Set<String> COST_FIELDS = SCHEMA.property("costs").propertyNames();
    private static final JsonSchema MATERIAL = SCHEMA.property("materials").items();
    private static final Set<String> MATERIAL_FIELDS = MATERIAL.propertyNames();

    private final List<FieldError> errors = new ArrayList<>();

    RequestOutcome read(JsonNode root) {
        if (root == null || !root.isObject()) {
            return new RequestOutcome.Invalid(List.of(new FieldError("$", ErrorCodes.INVALID_JSON,
                    "the request must be a JSON object")));
        }
        unknownFields(root, "", REQUEST_FIELDS);
        HsCode hs = field(SCHEMA, root, "hsCode", "hsCode", this::string, HsCode::parse);
        BigDecimal fob = field(SCHEMA, root, "fobValue", "fobValue", this::decimal, Decimals::parse);
        if (fob != null && fob.signum() <= 0) {
            error("fobValue", ErrorCodes.INVALID_AMOUNT, "the FOB value must be positive, got " + fob.toPlainString());
            fob = null;
        }
        Currency currency = field(SCHEMA, root, "currency", "currency", this::string, Money::parseCurrency);
        BigDecimal weight = field(SCHEMA, root, "netWeightKg", "netWeightKg", this::decimal, Decimals::parse);
        if (weight != null && weight.signum() <= 0) {
            error("netWeightKg", ErrorCodes.INVALID_AMOUNT, "the net weight must be positive, got " + weight.toPlainString());
        }
        Rule rule = field(SCHEMA, root, "rule", "rule", this::string, RequestReader::rule);
        RvcMethod method = field(SCHEMA, root, "rvcMethod", "rvcMethod", this::string, RequestReader::rvcMethod);
        BuildUpCosts costs = costs(root.get("costs"));
        List<Material> materials = materials(root.get("materials"));
        boolean wo = bool(root, "whollyObtained");
        boolean cr = bool(root, "chemicalReaction");
        boolean minimal = bool(root, "minimalOperationsOnly");
        List<String> operations = operations(root.get("operations"));

        if (!errors.isEmpty()) {
            return new RequestOutcome.Invalid(InputLimits.DEFAULT.capped(errors));
        }
        return new RequestOutcome.Parsed(new DeterminationRequest(hs, fob, currency,
                weight, rule, method, costs, materials, wo, cr, minimal, operations));
    }

    private BuildUpCosts costs(JsonNode node) {
        if (node == null || node.isNull()) {
            return BuildUpCosts.NONE;
        }
        if (!node.isObject()) {
            error("costs", ErrorCodes.INVALID_FORMAT, "costs must be an object with directLabour, directOverhead, profit, other");
            return BuildUpCosts.NONE;
        }
        unknownFields(node, "costs.", COST_FIELDS);
        BigDecimal labour = nonNegative(node, "directLabour", "costs.directLabour");
        BigDecimal overhead = nonNegative(node, "directOverhead", "costs.directOverhead");
        BigDecimal profit = nonNegative(node, "profit", "costs.profit");
        BigDecimal other = nonNegative(node, "other", "costs.other");
        return new BuildUpCosts(labour, overhead, profit, other);
    }

    private List<Material> materials(JsonNode node) {
        List<Material> list = new ArrayList<>();
        if (node == null || node.isNull()) {
            return list;
        }
        if (!node.isArray()) {
            error("materials", ErrorCodes.INVALID_FORMAT, "materials must be an array");
            return list;
        }
        var tooMany = InputLimits.tooMany("materials", node.size(), InputLimits.DEFAULT.maxMaterialsPerItem(), "materials");
        if (tooMany.isPresent()) {
            errors.add(tooMany.get());
            return list;
        }
        for (int i = 0; i < node.size(); i++) {
            String p = "materials[" + i + "]";
            JsonNode m = node.get(i);
            if (!m.isObject()) {
                error(p, ErrorCodes.INVALID_FORMAT, "each material must be an object");
                continue;
            }
            int before = errors.size();
            unknownFields(m, p + ".", MATERIAL_FIELDS);
            String id = field(MATERIAL, m, "id", p + ".id", this::string, Function.identity());
            String description = field(MATERIAL, m, "description", p + ".description", this::string, Function.identity());
            HsCode hs = field(MATERIAL, m, "hsCode", p + ".hsCode", this::string, HsCode::parse);
            BigDecimal value = field(MATERIAL, m, "value", p + ".value", this::decimal, Decimals::parseNonNegative);
            BigDecimal weight = nonNegative(m, "netWeightKg", p + ".netWeightKg");
            MaterialOrigin origin = field(MATERIAL, m, "origin", p + ".origin", this::string, RequestReader::origin);
            BigDecimal deductible = nonNegative(m, "deductibleCosts", p + ".deductibleCosts");
            boolean indirect = bool(m, "indirect", p + ".indirect");
            MaterialRole role = field(MATERIAL, m, "role", p + ".role", this::string, RequestReader::role);
            if (indirect && role != null && role != MaterialRole.INDIRECT) {
                error(p + ".role", ErrorCodes.INVALID_VALUE, "'indirect: true' contradicts role " + role
                        + "; give one of them");
            }
            try {
                BomRules.checkDeductibleCosts(value, deductible);
            } catch (InvalidCodeException e) {
                error(p + ".deductibleCosts", e.code(), e.getMessage());
            }
            if (errors.size() == before) {
                list.add(new Material(id, description, hs, value, weight, origin, deductible,
                        role != null ? role : indirect ? MaterialRole.INDIRECT : MaterialRole.DIRECT));
            }
        }
        return list;
    }

    private List<String> operations(JsonNode node) {
        List<String> list = new ArrayList<>();
        if (node == null || node.isNull()) {
            return list;
        }
        if (!node.isArray()) {
            error("operations", ErrorCodes.INVALID_FORMAT, "operations must be an array of strings");
            return list;
        }
        var tooMany = InputLimits.tooMany("operations", node.size(), InputLimits.DEFAULT.maxListItems(), "operations");
        if (tooMany.isPresent()) {
            errors.add(tooMany.get());
            return list;
        }
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isString() && !node.get(i).stringValue().isBlank()) {
                list.add(node.get(i).stringValue());
            } else {
                error("operations[" + i + "]", ErrorCodes.INVALID_FORMAT, "each operation must be a non-empty string");
            }
        }
        return list;
    }

    // --- field helpers ---------------------------------------------------------------------------------------

    /** Extracts the raw text of a node, or records a type error and returns null. */
    private interface Extractor {
        String extract(JsonNode node, String path);
    }

    private String string(JsonNode node, String path) {
        if (node.isString()) {
            return node.stringValue();
        }
        error(path, ErrorCodes.INVALID_FORMAT, "must be a string, got " + node.getNodeType().name().toLowerCase(Locale.ROOT));
        return null;
    }

    private String decimal(JsonNode node, String path) {
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isNumber()) {
            BigDecimal exact = node.decimalValue();
            if (exact.scale() < -6 || exact.precision() - exact.scale() > 18 || exact.scale() > 12) {
                error(path, ErrorCodes.INVALID_AMOUNT, "the amount is out of range");
                return null;
            }
            return exact.toPlainString();
        }
        error(path, ErrorCodes.INVALID_AMOUNT, "must be a decimal string or a JSON number, got "
                + node.getNodeType().name().toLowerCase(Locale.ROOT));
        return null;
    }

    /**
     * A field as its schema declares it: reported when absent if the schema lists it as required, optional
     * otherwise; a name the schema does not declare fails at once (a typo here is a programming error).
     */
    private <T> T field(JsonSchema schema, JsonNode parent, String name, String path, Extractor extractor,
            Function<String, T> parser) {
        schema.property(name);
        return schema.requires(name) ? required(parent, name, path, extractor, parser)
                : optional(parent, name, path, extractor, parser);
    }

    private <T> T required(JsonNode parent, String name, String path, Extractor extractor, Function<String, T> parser) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            error(path, ErrorCodes.REQUIRED, "is required");
            return null;
        }
        return parse(node, path, extractor, parser);
    }

    private <T> T optional(JsonNode parent, String name, String path, Extractor extractor, Function<String, T> parser) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        return parse(node, path, extractor, parser);
    }

    private <T> T parse(JsonNode node, String path, Extractor extractor, Function<String, T> parser) {
        String raw = extractor.extract(node, path);
        if (raw == null) {
            return null;
        }
        try {
            return parser.apply(raw);
        } catch (InvalidCodeException e) {
            error(path, e.code(), e.getMessage());
        } catch (RuleParseException e) {
            error(path, ErrorCodes.INVALID_RULE, e.getMessage());
        }
        return null;
    }

    private BigDecimal nonNegative(JsonNode parent, String name, String path) {
        return optional(parent, name, path, this::decimal, Decimals::parseNonNegative);
    }

    private boolean bool(JsonNode parent, String name) {
        return bool(parent, name, name);
    }

    private boolean bool(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            error(path, ErrorCodes.INVALID_FORMAT, "must be true or false");
            return false;
        }
        return node.booleanValue();
    }

    private void unknownFields(JsonNode node, String prefix, Set<String> known) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!known.contains(e.getKey())) {
                error(prefix + InputLimits.fieldName(e.getKey()), ErrorCodes.UNKNOWN_FIELD, "unknown field (known: " + String.join(", ",
                        known.stream().sorted().toList()) + ")");
            }
        }
    }

    private void error(String field, String code, String message) {
        errors.add(new FieldError(field, code, message));
    }

    private static Rule rule(String text) {
        return RuleParser.parse(text);
    }

    private static RvcMethod rvcMethod(String text) {
        try {
            return RvcMethod.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidCodeException(ErrorCodes.INVALID_VALUE, "'" + text + "' is not BUILD_DOWN or BUILD_UP");
        }
    }

    private static MaterialRole role(String text) {
        return MaterialRole.parse(text);
    }

    private static MaterialOrigin origin(String text) {
        try {
            return MaterialOrigin.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidCodeException(ErrorCodes.INVALID_VALUE,
                    "'" + text + "' is not ORIGINATING, NON_ORIGINATING or UNDETERMINED");
        }
    }
}
