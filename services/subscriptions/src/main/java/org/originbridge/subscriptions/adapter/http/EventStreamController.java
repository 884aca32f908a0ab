package org.originbridge.subscriptions.adapter.http;

import java.util.EnumSet;
import java.util.Set;

import org.originbridge.platform.security.Caller;
import org.originbridge.subscriptions.domain.EventType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/events/stream}: Server-Sent Events of everything the caller's token sees,
 * optionally only some {@code types} (comma separated); resumes after {@code Last-Event-ID} (the
 * header EventSource sends on reconnect, or the {@code lastEventId} query parameter).
 */
@RestController
public class EventStreamController {

    private final EventStreams streams;

    public EventStreamController(EventStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/api/v1/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
                             @RequestParam(name = "lastEventId", required = false) String lastEventIdParam,
                             @RequestParam(name = "types", required = false) String types, Caller caller) {
        String last = lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam;
        Long after = last == null || last.isEmpty() ? null : Pages.cursor(last);
        return streams.open(Viewers.of(caller), types(types), after);
    }

    private static Set<EventType> types(String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String name : list.split(",", 20)) {
            types.add(EventType.fromWireName(name.trim()).orElseThrow(
                    () -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "types: unknown event type")));
        }
        return types;
    }

    @ExceptionHandler(EventStreams.TooManyStreams.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    void tooMany() {
        // 503: the client retries later (EventSource does on its own)
    }
}
