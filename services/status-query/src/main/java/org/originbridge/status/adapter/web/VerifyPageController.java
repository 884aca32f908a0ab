package org.originbridge.status.adapter.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.originbridge.platform.qr.QrCodes;
import org.originbridge.status.domain.PublicVerificationView;
import org.originbridge.status.domain.StatusQueries;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public verification page, server-rendered (works without JavaScript; with it, it updates live):
 * <ul>
 *   <li>{@code GET /verify}: a form for the reference number and the code (typed, or the page a
 *       scanned QR code opens);</li>
 *   <li>{@code GET /verify/{reference}?code=}: the result in plain language, each check explained;</li>
 *   <li>{@code GET /verify/{reference}/qr.png?code=}: the QR code of that page (public, no key;
 *       a code that does not match gets 404, no image);</li>
 *   <li>{@code GET /embed/frame?reference=&code=}: the same card for an iframe (frame-ancestors
 *       from {@code originbridge.web.frame-ancestors}).</li>
 * </ul>
 * Language: {@code ?lang=} (en, zh, vi, ms), else Accept-Language ({@link Languages}).
 */
@Controller
public class VerifyPageController {

    private static final int DEFAULT_QR_SIZE = 240;
    private static final int MAX_QR_SIZE = 1024;

    private final StatusQueries queries;
    private final VerificationCards cards;
    private final MeterRegistry meters;
    private final WebProperties web;

    public VerifyPageController(StatusQueries queries, VerificationCards cards, MeterRegistry meters, WebProperties web) {
        this.queries = queries;
        this.cards = cards;
        this.meters = meters;
        this.web = web;
    }

    @GetMapping("/verify")
    public Object form(@RequestParam(required = false) String reference, @RequestParam(required = false) String code,
            @RequestParam(required = false) String lang, Model model, Locale locale) {
        if (reference == null && code == null) {
            return page(model, locale, null, null, null, HttpStatus.OK);
        }
        String ref = reference == null ? "" : reference.trim();
        String error = !PublicInput.reference(ref) ? "error.reference" : !PublicInput.code(code) ? "error.code" : null;
        if (error != null) {
            return page(model, locale, PublicInput.reference(ref) ? ref : null, null, error, HttpStatus.BAD_REQUEST);
        }
        UriComponentsBuilder target = UriComponentsBuilder.fromPath("/verify/{reference}").queryParam("code", "{code}");
        if (Languages.supported(lang) != null) {
            target.queryParam("lang", Languages.supported(lang).getLanguage());
        }
        return "redirect:" + target.encode().buildAndExpand(ref, code.trim()).toUriString();
    }

    @GetMapping("/verify/{reference}")
    public Object result(@PathVariable String reference, @RequestParam(required = false) String code,
            Model model, Locale locale) {
        if (!PublicInput.reference(reference)) {
            return page(model, locale, null, null, "error.reference", HttpStatus.BAD_REQUEST);
        }
        if (!PublicInput.code(code)) {
            return page(model, locale, reference, null, "error.code", code == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
        }
        PublicVerificationView view = queries.verifyForDisplay(reference, code);
        count("page", view);
        VerificationCard card = cards.card(reference, view, locale);
        live(model, reference, view, code, card);
        return page(model, locale, reference, card, null, HttpStatus.OK);
    }

    @GetMapping("/verify/{reference}/qr.png")
    public ResponseEntity<byte[]> qr(@PathVariable String reference, @RequestParam(required = false) String code,
            @RequestParam(required = false) String size) {
        if (!PublicInput.reference(reference) || !PublicInput.code(code)) {
            return ResponseEntity.notFound().build();
        }
        PublicVerificationView view = queries.verifyForDisplay(reference, code);
        count("qr", view);
        if (!view.codeMatched() || view.shortCode() == null) {
            return ResponseEntity.notFound().build();
        }
        int pixels = DEFAULT_QR_SIZE;
        if (size != null && size.matches("\\d{1,4}")) {
            pixels = Math.max(64, Math.min(MAX_QR_SIZE, Integer.parseInt(size)));
        }
        byte[] png = QrCodes.png(VerificationCards.pageUrl(web.base(), reference, view.shortCode()), pixels);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
    }

    @GetMapping("/embed/frame")
    public Object frame(@RequestParam(required = false) String reference, @RequestParam(required = false) String code,
            Model model, Locale locale) {
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("languages", Languages.SUPPORTED);
        if (!PublicInput.reference(reference) || !PublicInput.code(code)) {
            model.addAttribute("error", !PublicInput.reference(reference) ? "error.reference" : "error.code");
            return new org.springframework.web.servlet.ModelAndView("frame", model.asMap(), HttpStatus.BAD_REQUEST);
        }
        PublicVerificationView view = queries.verifyForDisplay(reference, code);
        count("frame", view);
        VerificationCard card = cards.card(reference, view, locale);
        live(model, reference, view, code, card);
        model.addAttribute("card", card);
        return "frame";
    }

    private Object page(Model model, Locale locale, String reference, VerificationCard card, String error, HttpStatus status) {
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("languages", Languages.SUPPORTED);
        model.addAttribute("reference", reference);
        model.addAttribute("card", card);
        model.addAttribute("error", error);
        Map<String, String> links = new LinkedHashMap<>();
        for (String language : Languages.SUPPORTED) {
            UriComponentsBuilder link = reference == null || card == null
                    ? UriComponentsBuilder.fromPath("/verify").queryParam("lang", "{lang}")
                    : UriComponentsBuilder.fromPath("/verify/{reference}").queryParam("code", "{code}").queryParam("lang", "{lang}");
            String code = (String) model.getAttribute("liveCode");
            links.put(language, reference == null || card == null
                    ? link.encode().buildAndExpand(language).toUriString()
                    : link.encode().buildAndExpand(reference, code, language).toUriString());
        }
        model.addAttribute("languageLinks", links);
        return new org.springframework.web.servlet.ModelAndView("verify", model.asMap(), status);
    }

    /**
     * What the page's script needs to follow the card live (verify-page.js): the stream URL (only
     * when the code matched; it then uses the short code) and the card's fingerprint, state and check states.
     */
    private static void live(Model model, String reference, PublicVerificationView view, String code, VerificationCard card) {
        String liveCode = view.codeMatched() && view.shortCode() != null ? view.shortCode() : code.trim();
        model.addAttribute("liveCode", liveCode);
        model.addAttribute("fingerprint", fingerprint(card));
        model.addAttribute("liveUrl", !view.codeMatched() ? null
                : UriComponentsBuilder.fromPath("/api/v1/public/verifications/{reference}/events")
                        .queryParam("code", "{code}").queryParam("lang", "{lang}").encode()
                        .buildAndExpand(reference, liveCode, card.lang()).toUriString());
    }

    /** state:check states, e.g. {@code PENDING:VALID,VALID,SKIPPED,VALID}; verify-page.js computes the same from a card event. */
    static String fingerprint(VerificationCard card) {
        return card.state() + ":" + String.join(",", card.checks().stream().map(VerificationCard.Check::state).toList());
    }

    private void count(String face, PublicVerificationView view) {
        meters.counter("originbridge.status.web.verifications", "face", face, "state", view.state().name().toLowerCase())
                .increment();
    }
}
