package org.originbridge.status.adapter.portal;

import java.util.regex.Pattern;

import org.originbridge.platform.security.Caller;
import org.originbridge.status.adapter.web.Languages;
import org.originbridge.status.domain.EcoDocument;
import org.originbridge.status.domain.Reader;
import org.originbridge.status.domain.StatusQueries;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The importer portal (server-rendered, Thymeleaf): the e-COs addressed to the signed-in importer,
 * one page per e-CO, and two downloads of an issued e-CO: the PDF rendering of its Annex 3B data
 * and the signed machine-readable copy. The importer comes from the signed-in user's access token
 * ({@link PortalUsers}); the same rule as the importer API decides what it may see
 * ({@link Reader#readsEco}), and anything else answers 404 exactly as an unknown declaration.
 * The pages speak English, Chinese, Vietnamese or Malay ({@link Languages}: {@code ?lang=}, then
 * Accept-Language; bundles {@code i18n/messages*.properties}, keys {@code portal.*}).
 */
@Controller
public class PortalController {

    /** Declaration ids as intake accepts them; anything else is unknown without a lookup. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final StatusQueries queries;
    private final EcoPdf pdf;
    private final SignedEcoCopies copies;
    private final PortalProperties properties;

    public PortalController(StatusQueries queries, EcoPdf pdf, SignedEcoCopies copies,
            PortalProperties properties) {
        this.queries = queries;
        this.pdf = pdf;
        this.copies = copies;
        this.properties = properties;
    }

    @GetMapping("/portal")
    public String list(@AuthenticationPrincipal OAuth2User user, Model model) {
        Caller caller = PortalUsers.caller(user);
        model.addAttribute("user", caller.clientId());
        model.addAttribute("importer", caller.importerId());
        model.addAttribute("ecos", queries.ecosAddressedTo(reader(caller), properties.listLimit()));
        page(model, "/portal");
        return "portal/list";
    }

    @GetMapping("/portal/ecos/{id}")
    public String detail(@PathVariable String id, @AuthenticationPrincipal OAuth2User user, Model model) {
        Caller caller = PortalUsers.caller(user);
        model.addAttribute("user", caller.clientId());
        model.addAttribute("importer", caller.importerId());
        model.addAttribute("declarationId", id);
        page(model, "/portal/ecos/{id}".replace("{id}", ID.matcher(id).matches() ? id : "-"));
        StatusQueries.EcoResult result = ID.matcher(id).matches() ? queries.eco(id, reader(caller))
                : new StatusQueries.EcoResult.Unknown();
        if (result instanceof StatusQueries.EcoResult.Issued issued) {
            model.addAttribute("eco", issued.eco());
            model.addAttribute("signedCopyAvailable", copies.available());
            model.addAttribute("qrUrl", qrUrl(issued.eco()));
        } else if (result instanceof StatusQueries.EcoResult.NotIssued notIssued) {
            model.addAttribute("notIssuedStatus", notIssued.status());
            model.addAttribute("notReported", notIssued.status() == null);
        } else {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no e-CO " + id + " is addressed to you");
        }
        return "portal/detail";
    }

    /** After signing out, or when signing in failed ({@code ?error}): public, in the reader's language. */
    @GetMapping("/portal/signed-out")
    public String signedOut(@org.springframework.web.bind.annotation.RequestParam(required = false) String error,
            Model model) {
        model.addAttribute("error", error != null);
        return "portal/signed-out";
    }

    @GetMapping("/portal/ecos/{id}/certificate.pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable String id, @AuthenticationPrincipal OAuth2User user) {
        EcoDocument eco = issued(id, user);
        return download(pdf.render(eco, qrUrl(eco)), MediaType.APPLICATION_PDF, "eco-" + id + ".pdf");
    }

    @GetMapping("/portal/ecos/{id}/signed-copy.json")
    public ResponseEntity<byte[]> signedCopy(@PathVariable String id, @AuthenticationPrincipal OAuth2User user) {
        EcoDocument eco = issued(id, user);
        if (!copies.available()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "status-query has no signing key (SIGNING_KEY_DIR): signed copies are unavailable");
        }
        return download(copies.copy(eco).getBytes(java.nio.charset.StandardCharsets.UTF_8), MediaType.APPLICATION_JSON,
                "eco-" + id + ".signed.json");
    }

    private EcoDocument issued(String id, OAuth2User user) {
        if (ID.matcher(id).matches()
                && queries.eco(id, reader(PortalUsers.caller(user))) instanceof StatusQueries.EcoResult.Issued issued) {
            return issued.eco();
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no issued e-CO " + id + " is addressed to you");
    }

    /** What every portal page's header needs: its own path (for the language links) and the languages. */
    private static void page(Model model, String path) {
        model.addAttribute("path", path);
        model.addAttribute("languages", Languages.SUPPORTED);
    }

    /** The portal is an importer's view: only the importer party of the token counts. */
    private static Reader reader(Caller caller) {
        return caller.role() == Caller.Role.IMPORTER && caller.importerId() != null ? Reader.importer(caller.importerId())
                : Reader.tenants(java.util.Set.of());
    }

    private String qrUrl(EcoDocument eco) {
        return properties.qrUrl(eco.qrToken());
    }

    /** An attachment that is never cached or sniffed. */
    public static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }
}
