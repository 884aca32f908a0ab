package org.originbridge.intake.adapter.http;

import java.util.LinkedHashMap;
import java.util.Map;

import org.originbridge.intake.domain.ActiveRules;
import org.originbridge.intake.domain.BomFormat;
import org.originbridge.intake.domain.ErpImports;
import org.originbridge.origin.rule.VersionedRuleTable;
import org.originbridge.platform.errors.Problems;
import org.originbridge.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ERP data an exporter posts for its own tenant (bills of materials as the generic CSV or SAP's CS12
 * multi-level export; supplier declarations as CSV) and the operator's tables (exchange rates, rule table
 * versions). Bodies are text ({@code text/csv}, {@code text/tab-separated-values} or {@code text/plain}); a bad
 * upload is refused whole, 400 with every problem by line and column; a stored one is answered 201.
 */
@RestController
class ErpDataController {

    private final ErpImports imports;
    private final ActiveRules rules;

    ErpDataController(ErpImports imports, ActiveRules rules) {
        this.imports = imports;
        this.rules = rules;
    }

    @PostMapping(path = "/api/v1/boms", consumes = {"text/csv", "text/tab-separated-values", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<?> bom(@RequestParam String supplierId, @RequestParam String material,
                          @RequestParam(defaultValue = "csv") String format,
                          @RequestParam(required = false) String currency,
                          @RequestBody(required = false) String body, Caller caller) {
        if (!caller.actsFor(supplierId)) {
            return notYourTenant();
        }
        BomFormat parsed = BomFormat.parse(format);
        return answer("Unreadable bill of materials", imports.importBom(supplierId, material, parsed, currency, body, null),
                stored -> Map.of("supplierId", supplierId, "material", material, "format", parsed.parameter(),
                        "uploadId", stored.id(), "lines", stored.count(), "billsOfMaterials", stored.details()));
    }

    @PostMapping(path = "/api/v1/supplier-declarations", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<?> supplierDeclarations(@RequestParam String supplierId, @RequestBody(required = false) String body,
                                           Caller caller) {
        if (!caller.actsFor(supplierId)) {
            return notYourTenant();
        }
        return answer("Unreadable supplier declarations", imports.importSupplierDeclarations(supplierId, body),
                stored -> Map.of("supplierId", supplierId, "declarations", stored.count()));
    }

    @PostMapping(path = "/api/v1/admin/exchange-rates", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<?> exchangeRates(@RequestBody(required = false) String body, Caller caller) {
        if (!caller.isOperator()) {
            return operatorsOnly();
        }
        return answer("Unreadable exchange rates", imports.loadRates(body), stored -> Map.of("rates", stored.count()));
    }

    @PostMapping(path = "/api/v1/admin/rule-tables", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<?> ruleTable(@RequestParam(defaultValue = "RCEP") String agreement, @RequestParam String hsEdition,
                                @RequestParam(required = false) String source,
                                @RequestBody(required = false) String body, Caller caller) {
        if (!caller.isOperator()) {
            return operatorsOnly();
        }
        ResponseEntity<?> answer = answer("Unreadable rule table",
                imports.loadRuleTable(agreement, hsEdition, source == null ? "operator upload" : source, body),
                stored -> Map.of("table", stored.id(), "rows", stored.count(), "notes", stored.details()));
        rules.reload();
        return answer;
    }

    @GetMapping(path = "/api/v1/admin/rule-tables/active", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> activeRuleTable(Caller caller) {
        if (!caller.isOperator()) {
            return operatorsOnly();
        }
        VersionedRuleTable active = rules.active();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("table", active.label());
        body.put("agreement", active.agreement());
        body.put("hsEdition", active.edition().year());
        body.put("version", active.version());
        body.put("sample", active.sample());
        body.put("rows", active.table().size());
        body.put("source", active.source());
        body.put("declarationsHsEdition", rules.declaredEdition().year());
        return ResponseEntity.ok(body);
    }

    private static ResponseEntity<?> answer(String title, ErpImports.Outcome outcome,
                                            java.util.function.Function<ErpImports.Outcome.Stored, Map<String, ?>> body) {
        if (outcome instanceof ErpImports.Outcome.Refused refused) {
            return FieldProblems.badRequest(title, refused.errors());
        }
        return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
                .body(body.apply((ErpImports.Outcome.Stored) outcome));
    }

    private static ResponseEntity<?> notYourTenant() {
        return Problems.response(Problems.of(HttpStatus.FORBIDDEN, "Not your tenant",
                "this access token does not act for the supplierId"));
    }

    private static ResponseEntity<?> operatorsOnly() {
        return Problems.response(Problems.of(HttpStatus.FORBIDDEN, "Operators only",
                "loading reference tables needs an operator token"));
    }
}
