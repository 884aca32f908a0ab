package org.originbridge.status.adapter.http;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.originbridge.platform.security.Caller;
import org.originbridge.status.adapter.portal.EcoPdf;
import org.originbridge.status.adapter.portal.PortalController;
import org.originbridge.status.adapter.portal.PortalProperties;
import org.originbridge.status.adapter.portal.SignedEcoCopies;
import org.originbridge.status.domain.EcoDocument;
import org.originbridge.status.domain.EcoListItem;
import org.originbridge.status.domain.StatusQueries;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The importer's retrieval of the customs-certified e-CO (scope eco.read): an importer retrieves the
 * e-COs of declarations whose importer party names its importer id, an exporter or provider its
 * tenants' e-COs, an operator any; anything else answers 404 exactly as an unknown declaration.
 * The list ({@code /api/v1/importer/ecos}) is an importer's view (its own e-COs only). The same
 * downloads as the portal's (PDF, signed copy) serve API clients and the embeddable importer module.
 */
@RestController
@RequestMapping("/api/v1/importer")
public class ImporterController {

    private final StatusQueries queries;
    private final EcoPdf pdf;
    private final SignedEcoCopies copies;
    private final PortalProperties portal;

    public ImporterController(StatusQueries queries, EcoPdf pdf, SignedEcoCopies copies, PortalProperties portal) {
        this.queries = queries;
        this.pdf = pdf;
        this.copies = copies;
        this.portal = portal;
    }

    /** The e-COs addressed to the calling importer, most recently updated first. */
    @GetMapping("/ecos")
    public Map<String, List<EcoListItem>> ecos(Caller caller) {
        return Map.of("items", queries.ecosAddressedTo(Readers.of(caller), portal.listLimit()));
    }

    @GetMapping("/declarations/{id}/eco.pdf")
    public ResponseEntity<byte[]> ecoPdf(@PathVariable String id, Caller caller) {
        EcoDocument eco = eco(id, caller);
        return PortalController.download(pdf.render(eco, portal.qrUrl(eco.qrToken())), MediaType.APPLICATION_PDF,
                "eco-" + id + ".pdf");
    }

    @GetMapping("/declarations/{id}/eco.signed.json")
    public ResponseEntity<byte[]> ecoSignedCopy(@PathVariable String id, Caller caller) {
        EcoDocument eco = eco(id, caller);
        if (!copies.available()) {
            throw Problems.unavailable("status-query has no signing key (originbridge.signing.key-dir): signed copies are unavailable");
        }
        return PortalController.download(copies.copy(eco).getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON,
                "eco-" + id + ".signed.json");
    }

    @GetMapping("/declarations/{id}/eco")
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
