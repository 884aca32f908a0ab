package org.originbridge.intake.adapter.http;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.originbridge.origin.declaration.Declaration;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.InputLimits;
import org.originbridge.origin.code.Decimals;
import org.originbridge.origin.code.Ids;
import org.originbridge.origin.code.InvalidCodeException;
import org.originbridge.origin.json.JsonLimits;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON body of {@code POST /api/v1/declarations}: the shape of the Avro
 * {@code DeclarationSubmitted} record (same field names). Amounts are decimal strings or JSON numbers,
 * read exactly and set to the schema's scale (money 2, weights/quantities 3) without rounding; dates
 * are {@code yyyy-MM-dd}. Every structural problem (not JSON, wrong type, unparseable date or decimal,
 * too many decimals, unknown field, missing supplierId) is collected; Annex 3B content rules are
 * checked later by screening. Bounded: Jackson reads under {@link JsonLimits} (depth, number, string and name
 * lengths), lists are counted before their elements are read ({@link InputLimits}), decimals go through
 * origin-core's one parser ({@link Decimals}) before any rescaling, the two ids must be {@link Ids safe}, and
 * at most {@link InputLimits#maxReportedProblems()} problems are returned; no message echoes a hostile value.
 */
public final class DeclarationJsonReader {

    /** The declaration, or every structural problem. */
    public sealed interface Result {
        record Read(Declaration declaration) implements Result {
        }

        record Invalid(List<FieldError> errors) implements Result {
            public Invalid {
                errors = List.copyOf(errors);
            }
        }
    }

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonLimits.factory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final int MONEY = 2;
    private static final int WEIGHT = 3;
    private static final int PRECISION = 18;

    private static final Set<String> DECLARATION = Set.of("declarationId", "supplierId", "documentType",
            "referenceNumber", "issueDate", "exporter", "producer", "importer", "destinationCountry", "goods",
            "consignment", "exporterDeclaration", "certification", "approvedExporterCode", "backToBack", "submittedAt");
    private static final Set<String> PARTY = Set.of("name", "address", "country", "identifier");
    private static final Set<String> GOODS = Set.of("itemNumber", "description", "hsCode", "originCriterion",
            "originCountry", "quantity", "quantityUnit", "grossWeightKg", "fobValue", "billOfMaterials");
    private static final Set<String> MONEY_FIELDS = Set.of("amount", "currency");
    private static final Set<String> BOM = Set.of("rvcMethod", "productNetWeightKg", "rule", "costs",
            "minimalOperationsOnly", "materials");
    private static final Set<String> COSTS = Set.of("directLabour", "directOverhead", "profit", "other");
    private static final Set<String> MATERIAL = Set.of("materialId", "description", "hsCode", "value", "netWeightKg",
            "origin", "originCountry", "deductibleCosts", "indirect");
    private static final Set<String> CONSIGNMENT = Set.of("invoiceNumber", "invoiceDate", "departureDate",
            "vesselOrFlight", "voyageNumber", "portOfLoading", "portOfDischarge", "transportDocumentReference",
            "bookingReference", "equipmentReferences");
    private static final Set<String> STATEMENT = Set.of("place", "date", "signatoryName");
    private static final Set<String> CERTIFICATION = Set.of("issuingBody", "authorisedSignatory",
            "officialSealReference", "certificationDate");
    private static final Set<String> BACK_TO_BACK = Set.of("originalProofReference", "originalIssueDate",
            "firstExportingPartyCountry", "approvedExporterCode");

    private final Supplier<String> newId;

    public DeclarationJsonReader() {
        this(() -> UUID.randomUUID().toString());
    }

    DeclarationJsonReader(Supplier<String> newId) {
        this.newId = newId;
    }

    public Result read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json == null ? "" : json);
        } catch (JacksonException e) {
            boolean limit = e instanceof StreamConstraintsException;
            return new Result.Invalid(List.of(new FieldError(limit ? limitPath(json) : "$", limit ? ErrorCodes.LIMIT_EXCEEDED
                    : ErrorCodes.INVALID_JSON, (limit ? "the body exceeds a JSON limit: " : "the body is not valid JSON: ")
                    + shortMessage(e))));
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            return new Result.Invalid(List.of(new FieldError("$", ErrorCodes.INVALID_JSON,
                    "the body must be a JSON object shaped like DeclarationSubmitted")));
        }
        Walk w = new Walk();
        Declaration d = w.declaration(root);
        return w.errors.isEmpty() ? new Result.Read(d) : new Result.Invalid(InputLimits.DEFAULT.capped(w.errors));
    }

    /**
     * Where a JSON limit was hit, as a field path ({@code goods[0].quantity}), else {@code $}: the body is
     * tokenised again (cheap: no tree, and it stops at the same place) to read the parser's position.
     */
    private static String limitPath(String json) {
        JsonParser parser = MAPPER.createParser(json);
        try (parser) {
            while (parser.nextToken() != null) {
                // skip to the failure
            }
            return "$";
        } catch (JacksonException e) {
            StringBuilder b = new StringBuilder();
            for (JsonPointer p = parser.streamReadContext().pathAsPointer(); p != null && !p.matches(); p = p.tail()) {
                if (p.getMatchingIndex() >= 0 && b.length() > 0) {
                    b.append('[').append(p.getMatchingIndex()).append(']');
                } else {
                    b.append(b.length() > 0 ? "." : "").append(InputLimits.fieldName(p.getMatchingProperty()));
                }
            }
            return b.length() == 0 ? "$" : b.toString();
        }
    }

    /** Jackson's message, printable and at most 200 characters (it may quote part of the input). */
    private static String shortMessage(JacksonException e) {
        String m = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(m.length(), 200); i++) {
            char c = m.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return m.length() > 200 ? b + "..." : b.toString();
    }

    /** One read: the errors found so far. */
    private final class Walk {
        final List<FieldError> errors = new ArrayList<>();

        Declaration declaration(JsonNode n) {
            unknown(n, "", DECLARATION);
            String id = text(n, "declarationId", "declarationId");
            if (id != null && id.isBlank()) {
                error("declarationId", ErrorCodes.INVALID_VALUE, "must not be blank; omit it to have one generated");
            } else if (id != null) {
                id(id, "declarationId");
            }
            String supplierId = text(n, "supplierId", "supplierId");
            if (supplierId == null ? !present(n, "supplierId") : supplierId.isBlank()) {
                error("supplierId", ErrorCodes.REQUIRED, "the supplier (exporter) id at OriginBridge is required");
            } else if (supplierId != null) {
                id(supplierId, "supplierId");
            }
            Declaration.ProofOfOriginType type = enumValue(n, "documentType", "documentType", Declaration.ProofOfOriginType.class,
                    Declaration.ProofOfOriginType.UNKNOWN);
            String reference = text(n, "referenceNumber", "referenceNumber");
            LocalDate issueDate = date(n, "issueDate", "issueDate");
            Declaration.Party exporter = party(n, "exporter");
            Declaration.Party producer = party(n, "producer");
            Declaration.Party importer = party(n, "importer");
            String destination = text(n, "destinationCountry", "destinationCountry");
            List<Declaration.GoodsItem> goods = list(n, "goods", "goods", InputLimits.DEFAULT.maxGoodsItems(),
                    this::goodsItem);
            Declaration.Consignment consignment = consignment(n.get("consignment"), "consignment");
            Declaration.ExporterDeclaration statement = statement(n.get("exporterDeclaration"), "exporterDeclaration");
            Declaration.IssuingBodyCertification certification = certification(n.get("certification"), "certification");
            String aeCode = text(n, "approvedExporterCode", "approvedExporterCode");
            Declaration.BackToBackDetails backToBack = backToBack(n.get("backToBack"), "backToBack");
            if (!errors.isEmpty()) {
                return null;
            }
            return new Declaration(id == null ? newId.get() : id, supplierId, type, reference, issueDate, exporter,
                    producer, importer, destination, goods, consignment, statement, certification, aeCode, backToBack,
                    null);
        }

        void id(String value, String path) {
            try {
                Ids.parse(value);
            } catch (InvalidCodeException e) {
                error(path, e.code(), e.getMessage());
            }
        }

        Declaration.Party party(JsonNode parent, String name) {
            JsonNode n = object(parent.get(name), name);
            if (n == null) {
                return null;
            }
            unknown(n, name + ".", PARTY);
            return new Declaration.Party(text(n, "name", name + ".name"), text(n, "address", name + ".address"),
                    text(n, "country", name + ".country"), text(n, "identifier", name + ".identifier"));
        }

        Declaration.GoodsItem goodsItem(JsonNode node, String path, int index) {
            JsonNode n = object(node, path);
            if (n == null) {
                if (node == null || node.isNull()) {
                    error(path, ErrorCodes.REQUIRED, "a goods item must be an object, got null");
                }
                return null;
            }
            unknown(n, path + ".", GOODS);
            Integer itemNumber = integer(n, "itemNumber", path + ".itemNumber");
            return new Declaration.GoodsItem(itemNumber == null ? index + 1 : itemNumber,
                    text(n, "description", path + ".description"), text(n, "hsCode", path + ".hsCode"),
                    text(n, "originCriterion", path + ".originCriterion"),
                    text(n, "originCountry", path + ".originCountry"),
                    decimal(n, "quantity", path + ".quantity", WEIGHT), text(n, "quantityUnit", path + ".quantityUnit"),
                    decimal(n, "grossWeightKg", path + ".grossWeightKg", WEIGHT),
                    money(n.get("fobValue"), path + ".fobValue"),
                    bom(n.get("billOfMaterials"), path + ".billOfMaterials"));
        }

        Declaration.Money money(JsonNode node, String path) {
            JsonNode n = object(node, path);
            if (n == null) {
                return null;
            }
            unknown(n, path + ".", MONEY_FIELDS);
            BigDecimal amount = decimal(n, "amount", path + ".amount", MONEY);
            String currency = text(n, "currency", path + ".currency");
            if (amount == null && !present(n, "amount")) {
                error(path + ".amount", ErrorCodes.REQUIRED, "an amount of money needs its amount");
            }
            if (currency == null && !present(n, "currency")) {
                error(path + ".currency", ErrorCodes.REQUIRED, "an amount of money needs its ISO 4217 currency");
            }
            return amount == null || currency == null ? null : new Declaration.Money(amount, currency);
        }

        Declaration.BillOfMaterials bom(JsonNode node, String path) {
            JsonNode n = object(node, path);
            if (n == null) {
                return null;
            }
            unknown(n, path + ".", BOM);
            Declaration.ProductionCosts costs = null;
            JsonNode c = object(n.get("costs"), path + ".costs");
            if (c != null) {
                unknown(c, path + ".costs.", COSTS);
                costs = new Declaration.ProductionCosts(decimal(c, "directLabour", path + ".costs.directLabour", MONEY),
                        decimal(c, "directOverhead", path + ".costs.directOverhead", MONEY),
                        decimal(c, "profit", path + ".costs.profit", MONEY),
                        decimal(c, "other", path + ".costs.other", MONEY));
            }
            return new Declaration.BillOfMaterials(
                    enumValue(n, "rvcMethod", path + ".rvcMethod", Declaration.RvcMethod.class, Declaration.RvcMethod.BUILD_DOWN),
                    decimal(n, "productNetWeightKg", path + ".productNetWeightKg", WEIGHT),
                    text(n, "rule", path + ".rule"), costs,
                    bool(n, "minimalOperationsOnly", path + ".minimalOperationsOnly"),
                    list(n, "materials", path + ".materials", InputLimits.DEFAULT.maxMaterialsPerItem(), this::material));
        }

        Declaration.BomMaterial material(JsonNode node, String path, int index) {
            JsonNode n = object(node, path);
            if (n == null) {
                if (node == null || node.isNull()) {
                    error(path, ErrorCodes.REQUIRED, "a material must be an object, got null");
                }
                return null;
            }
            unknown(n, path + ".", MATERIAL);
            return new Declaration.BomMaterial(text(n, "materialId", path + ".materialId"),
                    text(n, "description", path + ".description"), text(n, "hsCode", path + ".hsCode"),
                    decimal(n, "value", path + ".value", MONEY), decimal(n, "netWeightKg", path + ".netWeightKg", WEIGHT),
                    enumValue(n, "origin", path + ".origin", Declaration.MaterialOrigin.class,
                            Declaration.MaterialOrigin.UNDETERMINED),
                    text(n, "originCountry", path + ".originCountry"),
                    decimal(n, "deductibleCosts", path + ".deductibleCosts", MONEY),
                    bool(n, "indirect", path + ".indirect"));
        }

        Declaration.Consignment consignment(JsonNode node, String path) {
            JsonNode n = object(node, path);
            if (n == null) {
                return null;
            }
            unknown(n, path + ".", CONSIGNMENT);
            return new Declaration.Consignment(text(n, "invoiceNumber", path + ".invoiceNumber"),
                    date(n, "invoiceDate", path + ".invoiceDate"), date(n, "departureDate", path + ".departureDate"),
                    text(n, "vesselOrFlight", path + ".vesselOrFlight"), text(n, "voyageNumber", path + ".voyageNumber"),
                    text(n, "portOfLoading", path + ".portOfLoading"), text(n, "portOfDischarge", path + ".portOfDischarge"),
                    text(n, "transportDocumentReference", path + ".transportDocumentReference"),
                    text(n, "bookingReference", path + ".bookingReference"),
                    list(n, "equipmentReferences", path + ".equipmentReferences", (e, p, i) -> {
                        if (e == null || !e.isString()) {
                            error(p, ErrorCodes.INVALID_FORMAT, "must be a string, got " + kind(e));
                            return null;
                        }
                        return e.stringValue();
                    }));
        }

        Declaration.ExporterDeclaration statement(JsonNode node, String path) {
            JsonNode n = object(node, path);
            if (n == null) {
                return null;
            }
            unknown(n, path + ".", STATEMENT);
            return new Declaration.ExporterDeclaration(text(n, "place", path + ".place"), date(n, "date", path + ".date"),
                    text(n, "signatoryName", path + ".signatoryName"));
        }

        Declaration.IssuingBodyCertification certification(JsonNode node, String path) {
            JsonNode n = object(node, path);
            if (n == null) {
                return null;
            }
            unknown(n, path + ".", CERTIFICATION);
            return new Declaration.IssuingBodyCertification(text(n, "issuingBody", path + ".issuingBody"),
                    text(n, "authorisedSignatory", path + ".authorisedSignatory"),
                    text(n, "officialSealReference", path + ".officialSealReference"),
                    date(n, "certificationDate", path + ".certificationDate"));
        }

        Declaration.BackToBackDetails backToBack(JsonNode node, String path) {
            JsonNode n = object(node, path);
            if (n == null) {
                return null;
            }
            unknown(n, path + ".", BACK_TO_BACK);
            return new Declaration.BackToBackDetails(text(n, "originalProofReference", path + ".originalProofReference"),
                    date(n, "originalIssueDate", path + ".originalIssueDate"),
                    text(n, "firstExportingPartyCountry", path + ".firstExportingPartyCountry"),
                    text(n, "approvedExporterCode", path + ".approvedExporterCode"));
        }

        // ---- primitives: absent or null means "not given" ----

        JsonNode object(JsonNode n, String path) {
            if (n == null || n.isNull()) {
                return null;
            }
            if (!n.isObject()) {
                error(path, ErrorCodes.INVALID_FORMAT, "must be an object, got " + kind(n));
                return null;
            }
            return n;
        }

        String text(JsonNode parent, String name, String path) {
            JsonNode n = parent.get(name);
            if (n == null || n.isNull()) {
                return null;
            }
            if (!n.isString()) {
                error(path, ErrorCodes.INVALID_FORMAT, "must be a string, got " + kind(n));
                return null;
            }
            var tooLong = InputLimits.DEFAULT.tooLong(path, n.stringValue());
            if (tooLong.isPresent()) {
                errors.add(tooLong.get());
                return null;
            }
            return n.stringValue();
        }

        Integer integer(JsonNode parent, String name, String path) {
            JsonNode n = parent.get(name);
            if (n == null || n.isNull()) {
                return null;
            }
            if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                error(path, ErrorCodes.INVALID_FORMAT, "must be a whole number, got " + kind(n));
                return null;
            }
            return n.intValue();
        }

        boolean bool(JsonNode parent, String name, String path) {
            JsonNode n = parent.get(name);
            if (n == null || n.isNull()) {
                return false;
            }
            if (!n.isBoolean()) {
                error(path, ErrorCodes.INVALID_FORMAT, "must be true or false, got " + kind(n));
                return false;
            }
            return n.booleanValue();
        }

        LocalDate date(JsonNode parent, String name, String path) {
            String s = text(parent, name, path);
            if (s == null) {
                return null;
            }
            try {
                return LocalDate.parse(s, DATE);
            } catch (DateTimeParseException e) {
                error(path, ErrorCodes.INVALID_FORMAT, InputLimits.shown(s) + " is not a date in the form yyyy-MM-dd");
                return null;
            }
        }

        /** Exact decimal at {@code scale}: more decimals than the schema holds is an error, never rounded. */
        BigDecimal decimal(JsonNode parent, String name, String path, int scale) {
            JsonNode n = parent.get(name);
            if (n == null || n.isNull()) {
                return null;
            }
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
                error(path, ErrorCodes.LIMIT_EXCEEDED.equals(e.code()) ? e.code() : ErrorCodes.INVALID_FORMAT,
                        e.getMessage());
                return null;
            }
            if (value == null) {
                error(path, ErrorCodes.INVALID_FORMAT, "must be a decimal number or a decimal string, got " + kind(n));
                return null;
            }
            BigDecimal scaled;
            try {
                scaled = value.setScale(scale, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                error(path, ErrorCodes.INVALID_AMOUNT, value.toPlainString() + " has more than " + scale
                        + " decimal places; the schema holds " + scale + " (no rounding is applied)");
                return null;
            }
            if (scaled.precision() > PRECISION) {
                error(path, ErrorCodes.INVALID_AMOUNT, value.toPlainString() + " has more than "
                        + (PRECISION - scale) + " digits before the decimal point");
                return null;
            }
            return scaled;
        }

        <E extends Enum<E>> E enumValue(JsonNode parent, String name, String path, Class<E> type, E absent) {
            String s = text(parent, name, path);
            if (s == null) {
                return absent;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(s.strip().toUpperCase(Locale.ROOT))) {
                    return e;
                }
            }
            error(path, ErrorCodes.INVALID_VALUE, InputLimits.shown(s) + " is not one of " + Arrays.toString(type.getEnumConstants()));
            return absent;
        }

        <T> List<T> list(JsonNode parent, String name, String path, Element<T> element) {
            return list(parent, name, path, InputLimits.DEFAULT.maxListItems(), element);
        }

        /** At most {@code max} elements: a longer list is one error and none of its elements is read. */
        <T> List<T> list(JsonNode parent, String name, String path, int max, Element<T> element) {
            JsonNode n = parent.get(name);
            if (n == null || n.isNull()) {
                return List.of();
            }
            if (!n.isArray()) {
                error(path, ErrorCodes.INVALID_FORMAT, "must be an array, got " + kind(n));
                return List.of();
            }
            var tooMany = InputLimits.tooMany(path, n.size(), max, "entries");
            if (tooMany.isPresent()) {
                errors.add(tooMany.get());
                return List.of();
            }
            List<T> out = new ArrayList<>();
            int i = 0;
            for (JsonNode e : n.values()) {
                T value = element.read(e, path + "[" + i + "]", i);
                if (value != null) {
                    out.add(value);
                }
                i++;
            }
            return out;
        }

        void unknown(JsonNode n, String prefix, Set<String> known) {
            for (String field : n.propertyNames()) {
                if (!known.contains(field)) {
                    error(prefix + InputLimits.fieldName(field), ErrorCodes.UNKNOWN_FIELD, "is not a field of this record; expected one of "
                            + known.stream().sorted().toList());
                }
            }
        }

        boolean present(JsonNode parent, String name) {
            return parent.has(name) && !parent.get(name).isNull();
        }

        void error(String field, String code, String message) {
            errors.add(new FieldError(field, code, message));
        }
    }

    @FunctionalInterface
    private interface Element<T> {
        T read(JsonNode node, String path, int index);
    }

    private static String kind(JsonNode n) {
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
