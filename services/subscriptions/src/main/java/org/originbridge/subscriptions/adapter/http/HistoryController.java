package org.originbridge.subscriptions.adapter.http;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.originbridge.platform.security.Caller;
import org.originbridge.subscriptions.domain.EventLog;
import org.originbridge.subscriptions.domain.EventType;
import org.originbridge.subscriptions.domain.StoredEvent;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a subscriber may have missed, paged by cursor: a declaration's events and a supplier's score
 * versions (each with its factors), in log order, the same envelopes the webhooks and the stream
 * carry. A declaration or supplier of which the caller sees nothing is 404 (no existence oracle).
 */
@RestController
public class HistoryController {

    private static final Set<EventType> DECLARATION_TYPES = EnumSet.of(EventType.DECLARATION_ACCEPTED,
            EventType.DECLARATION_REJECTED, EventType.DECLARATION_FAILED, EventType.DECLARATION_VERIFIED,
            EventType.DECLARATION_NOT_VERIFIED, EventType.DECLARATION_VERIFICATION_NOT_APPLICABLE,
            EventType.DECLARATION_VERIFICATION_REVOKED, EventType.ECO_STATUS_CHANGED);

    private final EventLog log;

    public HistoryController(EventLog log) {
        this.log = log;
    }

    @GetMapping(path = "/api/v1/declarations/{id}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    public String declarationEvents(@PathVariable String id, @RequestParam(required = false) String after,
                                    @RequestParam(required = false) Integer limit, Caller caller) {
        return page(Pages.id(id), DECLARATION_TYPES, after, limit, caller);
    }

    @GetMapping(path = "/api/v1/suppliers/{id}/score-history", produces = MediaType.APPLICATION_JSON_VALUE)
    public String scoreHistory(@PathVariable String id, @RequestParam(required = false) String after,
                               @RequestParam(required = false) Integer limit, Caller caller) {
        return page(Pages.id(id), EnumSet.of(EventType.SCORE_CHANGED), after, limit, caller);
    }

    private String page(String key, Set<EventType> types, String after, Integer limit, Caller caller) {
        long cursor = Pages.cursor(after);
        int size = Pages.limit(limit);
        List<StoredEvent> items = log.after(Viewers.of(caller), cursor, key, types, size);
        if (items.isEmpty() && cursor == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return Pages.json(items, size);
    }
}
