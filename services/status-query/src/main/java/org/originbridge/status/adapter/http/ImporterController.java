package org.originbridge.status.adapter.http;

import java.util.HashMap;
import java.util.Map;

import org.originbridge.status.domain.EcoDocument;
import org.originbridge.status.domain.StatusQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The importer's retrieval of the customs-certified e-CO (API key required). */
@RestController
@RequestMapping("/api/v1/importer/declarations")
public class ImporterController {

    private final StatusQueries queries;

    public ImporterController(StatusQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{id}/eco")
    public EcoDocument eco(@PathVariable String id) {
        StatusQueries.EcoResult result = queries.eco(id);
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
