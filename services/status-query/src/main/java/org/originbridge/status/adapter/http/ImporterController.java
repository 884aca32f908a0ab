package org.originbridge.status.adapter.http;

import java.util.HashMap;
import java.util.Map;

import org.originbridge.platform.security.Caller;
import org.originbridge.status.domain.EcoDocument;
import org.originbridge.status.domain.StatusQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The importer's retrieval of the customs-certified e-CO (scope eco.read): an importer retrieves the
 * e-COs of declarations whose importer party names its importer id, an exporter or provider its
 * tenants' e-COs, an operator any; anything else answers 404 exactly as an unknown declaration.
 */
@RestController
@RequestMapping("/api/v1/importer/declarations")
public class ImporterController {

    private final StatusQueries queries;

    public ImporterController(StatusQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{id}/eco")
    public EcoDocument eco(@PathVariable String id, Caller caller) {
        StatusQueries.EcoResult result = queries.eco(id, Readers.of(caller));
        if (result instanceof StatusQueries.EcoResult.Issued issued) {
            return issued.eco();
        }
        if (result instanceof StatusQueries.EcoResult.NotIssued notIssued) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("issuanceStatus", notIssued.status());
            throw Problems.conflict("the e-CO of declaration " + id + " is not issued"
                    + (notIssued.status() == null ? " (CCPIT has not reported yet)" : " (status " + notIssued.status() + ")"),
                    properties);
        }
        throw Problems.notFound("no declaration " + id + " is known");
    }
}
