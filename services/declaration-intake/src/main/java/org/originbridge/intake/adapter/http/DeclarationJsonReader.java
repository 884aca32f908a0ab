package org.originbridge.intake.adapter.http;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.intake.adapter.kafka.DeclarationAvroMapper;
import org.originbridge.origin.declaration.Declaration;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.InputLimits;
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
 * {@code DeclarationSubmitted} record, read by walking that record's schema ({@link AvroSchemaJsonReader}):
 * field names, types, nullability, defaults and decimal scales come from the .avsc, so a field added there is
 * accepted with no change here. Amounts are decimal strings or JSON numbers, read exactly and set to the
 * schema's scale (money 2, weights/quantities 3) without rounding; dates are {@code yyyy-MM-dd}. Every
 * structural problem (not JSON, wrong type, unparseable date or decimal, too many decimals, unknown field,
 * missing supplierId) is collected; Annex 3B content rules are checked later by screening. The record read
 * becomes origin-core's model through the same mapping as a record consumed from the topic
 * ({@link DeclarationAvroMapper#toDeclaration}). Bounded: Jackson reads under {@link JsonLimits} (depth, number,
 * string and name lengths), lists are counted before their elements are read ({@link InputLimits}), decimals go
 * through origin-core's one parser ({@link org.originbridge.origin.code.Decimals}) before any rescaling, the two
 * ids must be {@link Ids safe}, and at most {@link InputLimits#maxReportedProblems()} problems are returned; no
 * message echoes a hostile value.
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
    /** What {@code DeclarationSubmitted}'s schema cannot say; everything else comes from the schema. */
    private static final Set<String> IGNORED = Set.of("submittedAt");
    private static final Schema SCHEMA = DeclarationSubmitted.getClassSchema();

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
        AvroSchemaJsonReader.Problems problems = new AvroSchemaJsonReader.Problems();
        IndexedRecord record = new AvroSchemaJsonReader(new Contract()).read(root, SCHEMA, problems);
        ids((DeclarationSubmitted) record, problems);
        if (!problems.list.isEmpty()) {
            return new Result.Invalid(InputLimits.DEFAULT.capped(problems.list));
        }
        return new Result.Read(DeclarationAvroMapper.toDeclaration((DeclarationSubmitted) record));
    }

    /** The two ids key verdicts, documents and URLs: present (declarationId is generated when absent) and safe. */
    private static void ids(DeclarationSubmitted d, AvroSchemaJsonReader.Problems problems) {
        String id = d.getDeclarationId();
        if (id != null && id.isBlank()) {
            problems.add("declarationId", ErrorCodes.INVALID_VALUE, "must not be blank; omit it to have one generated");
        } else if (id != null) {
            safe(id, "declarationId", problems);
        }
        String supplierId = d.getSupplierId();
        if (supplierId != null && supplierId.isBlank()) {
            problems.add("supplierId", ErrorCodes.REQUIRED, "the supplier (exporter) id at OriginBridge is required");
        } else if (supplierId != null) {
            safe(supplierId, "supplierId", problems);
        }
    }

    private static void safe(String value, String path, AvroSchemaJsonReader.Problems problems) {
        try {
            Ids.parse(value);
        } catch (InvalidCodeException e) {
            problems.add(path, e.code(), e.getMessage());
        }
    }

    /** The contract's rules that its schema cannot express. */
    private final class Contract implements AvroSchemaJsonReader.Contract {

        @Override
        public Set<String> ignored() {
            return IGNORED; // set by the service
        }

        @Override
        public int maxItems(Schema elementType) {
            return switch (elementType.getName()) {
                case "GoodsItem" -> InputLimits.DEFAULT.maxGoodsItems();
                case "BomMaterial" -> InputLimits.DEFAULT.maxMaterialsPerItem();
                default -> InputLimits.DEFAULT.maxListItems();
            };
        }

        @Override
        public Object absent(Schema.Field field, String path, int index, AvroSchemaJsonReader.Problems problems) {
            switch (path.replaceAll("\\[\\d+]", "")) {
                case "declarationId":
                    return newId.get();
                case "goods.itemNumber":
                    return index + 1;
                case "supplierId":
                    problems.add(path, ErrorCodes.REQUIRED, "the supplier (exporter) id at OriginBridge is required");
                    return null;
                case "goods.fobValue.amount":
                    problems.add(path, ErrorCodes.REQUIRED, "an amount of money needs its amount");
                    return null;
                case "goods.fobValue.currency":
                    problems.add(path, ErrorCodes.REQUIRED, "an amount of money needs its ISO 4217 currency");
                    return null;
                default:
                    problems.add(path, ErrorCodes.REQUIRED, "is required");
                    return null;
            }
        }
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
}
