package org.originbridge.status.adapter.web;

import java.util.List;
import java.util.Locale;

import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.status.adapter.http.Problems;
import org.originbridge.status.domain.StatusQueries;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What the embeddable module reads, public like the JSON verification next to it (authorised by
 * the code itself; no key, no secret in the page):
 * <ul>
 *   <li>{@code GET /api/v1/public/verifications/{ref}/card?code=&lang=}: the {@link VerificationCard};</li>
 *   <li>{@code GET /api/v1/public/verifications/{ref}/events?code=&lang=}: Server-Sent Events, a
 *       {@code card} event at once and whenever the card changes ({@link LiveVerifications}).</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1/public/verifications")
public class LiveVerificationController {

    private final StatusQueries queries;
    private final VerificationCards cards;
    private final LiveVerifications live;
    private final WebProperties web;

    public LiveVerificationController(StatusQueries queries, VerificationCards cards, LiveVerifications live,
            WebProperties web) {
        this.queries = queries;
        this.cards = cards;
        this.live = live;
        this.web = web;
    }

    @GetMapping("/{referenceNumber}/card")
    public VerificationCard card(@PathVariable String referenceNumber, @RequestParam(required = false) String code,
            Locale locale) {
        check(referenceNumber, code);
        return cards.card(referenceNumber, queries.verifyForDisplay(referenceNumber, code), locale);
    }

    @GetMapping(path = "/{referenceNumber}/events", produces = "text/event-stream")
    public SseEmitter events(@PathVariable String referenceNumber, @RequestParam(required = false) String code,
            Locale locale) {
        check(referenceNumber, code);
        return live.open(referenceNumber, code, locale, web.base());
    }

    @ExceptionHandler(LiveVerifications.TooManyStreams.class)
    ResponseEntity<String> tooMany(LiveVerifications.TooManyStreams e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .header(HttpHeaders.CONTENT_TYPE, "text/plain").body(e.getMessage());
    }

    private static void check(String referenceNumber, String code) {
        if (!PublicInput.reference(referenceNumber)) {
            throw Problems.badRequest(List.of(new FieldError("referenceNumber", ErrorCodes.INVALID_PARAMETER, "letters, digits, '.', '-' and '_', at most 64")));
        }
        if (!PublicInput.code(code)) {
            throw Problems.badRequest(List.of(new FieldError("code", ErrorCodes.REQUIRED, "the verification code is required (at most " + PublicInput.MAX_CODE + " characters)")));
        }
    }
}
