package org.originbridge.origin.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.determination.AlternativeResult;
import org.originbridge.origin.determination.AppliedArticle;
import org.originbridge.origin.determination.DeMinimisResult;
import org.originbridge.origin.determination.Determination;
import org.originbridge.origin.determination.DeterminationOutcome;
import org.originbridge.origin.determination.DeterminationRequest;
import org.originbridge.origin.determination.MinimalOperations;
import org.originbridge.origin.determination.OriginDeterminer;
import org.originbridge.origin.determination.RuleSource;
import org.originbridge.origin.determination.RvcFigures;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON contract of origin determination: the one place the CLI and the intake HTTP endpoint call.
 * Amounts are read exactly (decimal strings or JSON numbers, never through {@code double}) and written as
 * decimal strings. Thread-safe.
 */
public final class DeterminationJson {
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonLimits.factory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final OriginDeterminer determiner;

    public DeterminationJson(OriginDeterminer determiner) {
        this.determiner = determiner;
    }

    /** Over the rule table shipped with the module. */
    public static DeterminationJson withDefaultTable() {
        return new DeterminationJson(OriginDeterminer.withDefaultTable());
    }

    /** Parses, validates and determines. Rejected outcomes carry every field error. */
    public DeterminationOutcome evaluate(String json) {
        return evaluate(readRequest(json));
    }

    public DeterminationOutcome evaluate(InputStream json) {
        return evaluate(readRequest(json));
    }

    public DeterminationOutcome evaluate(RequestOutcome request) {
        if (request instanceof RequestOutcome.Invalid invalid) {
            return new DeterminationOutcome.Rejected(invalid.errors());
        }
        return evaluate(((RequestOutcome.Parsed) request).request());
    }

    public DeterminationOutcome evaluate(DeterminationRequest request) {
        return determiner.determine(request);
    }

    /** Parses and validates a request without determining (the CLI merges a CSV bill of materials in between). */
    public RequestOutcome readRequest(String json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JacksonException e) {
            return malformed(e);
        }
        return new RequestReader().read(tree);
    }

    public RequestOutcome readRequest(InputStream json) {
        try {
            return readRequest(new String(json.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result JSON (pretty-printed). */
    public String render(Determination d) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("originating", d.originating());
        root.put("status", d.status().name());
        root.put("hsCode", d.hsCode().code());
        root.put("ruleApplied", d.ruleApplied().text());
        root.put("ruleSource", d.ruleSource().label());
        if (d.ruleSource().kind() == RuleSource.Kind.TABLE) {
            root.put("ruleTableEntry", d.ruleSource().hsPrefix());
        }
        RvcFigures rvc = d.rvc();
        ObjectNode r = root.putObject("rvc");
        r.put("method", rvc.method().name());
        r.put("percent", plain(rvc.percent()));
        r.put("fob", plain(rvc.fob()));
        r.put("vnm", plain(rvc.vnm()));
        r.put("vom", plain(rvc.vom()));
        if (rvc.method() == org.originbridge.origin.determination.RvcMethod.BUILD_UP) {
            r.put("buildUpCosts", plain(rvc.buildUpCosts()));
        }
        ArrayNode alternatives = root.putArray("alternatives");
        for (AlternativeResult a : d.alternatives()) {
            ObjectNode o = alternatives.addObject();
            o.put("rule", a.rule().text());
            o.put("met", a.met());
            o.put("determined", a.determined());
            ArrayNode reasons = o.putArray("reasons");
            a.reasons().forEach(reasons::add);
        }
        d.deMinimis().ifPresent(dm -> deMinimis(root.putObject("deMinimis"), dm));
        d.operations().ifPresent(ops -> operations(root.putObject("minimalOperations"), ops));
        ArrayNode reasons = root.putArray("reasons");
        d.reasons().forEach(reasons::add);
        ArrayNode articles = root.putArray("articlesApplied");
        for (AppliedArticle a : d.articles()) {
            ObjectNode o = articles.addObject();
            o.put("article", a.article());
            o.put("title", a.title());
        }
        return write(root);
    }

    /** {@code {"errors": [{"field", "code", "message"}, ...]}}. */
    public String renderErrors(List<FieldError> errors) {
        ObjectNode root = MAPPER.createObjectNode();
        errorsArray(root, errors);
        return write(root);
    }

    /** An RFC 9457 problem document (status 400) listing each bad field, for {@code application/problem+json}. */
    public String renderProblem(List<FieldError> errors) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("type", "about:blank");
        root.put("title", "Invalid origin determination request");
        root.put("status", 400);
        root.put("detail", errors.size() + " field error(s)");
        errorsArray(root, errors);
        return write(root);
    }

    /** The result JSON for a determination, or the errors JSON for a rejection. */
    public String render(DeterminationOutcome outcome) {
        if (outcome instanceof DeterminationOutcome.Determined determined) {
            return render(determined.determination());
        }
        return renderErrors(((DeterminationOutcome.Rejected) outcome).errors());
    }

    private static void deMinimis(ObjectNode o, DeMinimisResult dm) {
        o.put("tariffChange", dm.tariffChange());
        o.put("met", dm.met());
        o.put("basis", dm.basis());
        ArrayNode materials = o.putArray("materials");
        dm.materials().forEach(materials::add);
        o.put("failingValue", plain(dm.failingValue()));
        o.put("valuePercent", plain(dm.valuePercent()));
        o.put("valueTestMet", dm.valueTestMet());
        if (dm.failingWeightKg() != null) {
            o.put("failingWeightKg", plain(dm.failingWeightKg()));
            o.put("weightPercent", plain(dm.weightPercent()));
            o.put("weightTestMet", dm.weightTestMet());
        }
    }

    private static void operations(ObjectNode o, MinimalOperations ops) {
        o.put("onlyMinimal", ops.onlyMinimal());
        if (ops.onlyMinimal()) {
            o.put("article", ops.article());
        }
        ArrayNode matched = o.putArray("matched");
        for (MinimalOperations.Match m : ops.matched()) {
            ObjectNode e = matched.addObject();
            e.put("operation", m.operation());
            e.put("article", m.subparagraph().article());
        }
        ArrayNode other = o.putArray("otherAgreementsOnly");
        ops.otherAgreement().forEach(other::add);
        ArrayNode beyond = o.putArray("beyondArticle36");
        ops.beyondList().forEach(beyond::add);
    }

    private static void errorsArray(ObjectNode root, List<FieldError> errors) {
        ArrayNode array = root.putArray("errors");
        for (FieldError e : errors) {
            ObjectNode o = array.addObject();
            o.put("field", e.field());
            o.put("code", e.code());
            o.put("message", e.message());
        }
    }

    private static RequestOutcome malformed(JacksonException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return new RequestOutcome.Invalid(List.of(new FieldError("$", ErrorCodes.INVALID_JSON,
                "the request is not valid JSON" + where + ": " + e.getOriginalMessage())));
    }

    private static String write(ObjectNode node) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    private static String plain(BigDecimal v) {
        return v.toPlainString();
    }
}
