package org.originbridge.status.adapter.web;

import java.util.Map;

import org.originbridge.platform.security.Caller;
import org.originbridge.platform.signing.ShortCode;
import org.originbridge.status.adapter.http.Problems;
import org.originbridge.status.adapter.http.Readers;
import org.originbridge.status.domain.DeclarationStatus;
import org.originbridge.status.domain.StatusQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The snippet generator: {@code GET /api/v1/declarations/{id}/embed-snippet} (scope declarations.read,
 * tenant-scoped like the status: an exporter gets snippets for its own declarations only, any other
 * is 404 as an unknown one) returns the exact HTML an exporter pastes into its website: the script
 * tag and the element, and the iframe variant, for a declaration that ASW has verified (before that
 * there is no code to show: 409).
 */
@RestController
public class SnippetController {

    /** What the exporter pastes. */
    public record Snippet(String declarationId, String referenceNumber, String shortCode, String pageUrl, String qrUrl,
            String scriptTag, String element, String snippet, String iframe, String note) {
    }

    private final StatusQueries queries;
    private final WebProperties web;

    public SnippetController(StatusQueries queries, WebProperties web) {
        this.queries = queries;
        this.web = web;
    }

    @GetMapping("/api/v1/declarations/{id}/embed-snippet")
    public Snippet snippet(@PathVariable String id, Caller caller) {
        DeclarationStatus status = queries.status(id, Readers.of(caller))
                .orElseThrow(() -> Problems.notFound("no declaration " + id + " is known"));
        if (status.verification() == null || status.verification().shortCode() == null
                || status.referenceNumber() == null) {
            throw Problems.conflict("declaration " + id + " has no verification code yet (not verified by ASW)",
                    Map.of("declarationId", id));
        }
        String reference = status.referenceNumber();
        String shortCode = ShortCode.display(status.verification().shortCode());
        String ref = HtmlUtils.htmlEscape(reference);
        String code = HtmlUtils.htmlEscape(shortCode);
        String scriptTag = "<script type=\"module\" src=\"" + HtmlUtils.htmlEscape(web.base() + "/embed/originbridge.js")
                + "\"></script>";
        String element = "<originbridge-verification reference=\"" + ref + "\" code=\"" + code + "\"></originbridge-verification>";
        String frameUrl = UriComponentsBuilder.fromUriString(web.base()).path("/embed/frame")
                .queryParam("reference", reference).queryParam("code", shortCode).encode().build().toUriString();
        String iframe = "<iframe src=\"" + HtmlUtils.htmlEscape(frameUrl) + "\" title=\"RCEP certificate of origin "
                + ref + " verification\" width=\"420\" height=\"520\" style=\"border:0\" loading=\"lazy\"></iframe>";
        String base = web.base();
        return new Snippet(id, reference, shortCode, VerificationCards.pageUrl(base, reference, status.verification().shortCode()),
                VerificationCards.qrUrl(base, reference, status.verification().shortCode()), scriptTag, element,
                scriptTag + "\n" + element, iframe,
                "the module calls " + web.base() + " from the page's origin: add that origin to status-query's CORS "
                        + "allowed origins (STATUS_QUERY_CORS_ORIGINS); the iframe needs it among the frame ancestors "
                        + "(ORIGINBRIDGE_FRAME_ANCESTORS, default: the CORS origins)");
    }
}
