package org.originbridge.subscriptions.adapter.http;

import java.util.List;
import java.util.regex.Pattern;

import org.originbridge.subscriptions.domain.StoredEvent;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Paging and id checks shared by the history endpoints (the cursor is the last event's sequence). */
final class Pages {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern CURSOR = Pattern.compile("\\d{1,18}");

    private Pages() {
    }

    /** An id that cannot exist is simply not found. */
    static String id(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return id;
    }

    static long cursor(String after) {
        if (after == null || after.isEmpty()) {
            return 0;
        }
        if (!CURSOR.matcher(after).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "after: a cursor from a previous page");
        }
        return Long.parseLong(after);
    }

    static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit: 1.." + MAX_LIMIT);
        }
        return limit;
    }

    /** {"items": [envelopes], "next": cursor or null}. */
    static String json(List<StoredEvent> items, int limit) {
        StringBuilder b = new StringBuilder("{\"items\":[");
        for (int i = 0; i < items.size(); i++) {
            b.append(i == 0 ? "" : ",").append(items.get(i).envelopeJson());
        }
        b.append("],\"next\":");
        b.append(items.size() == limit ? "\"" + items.get(items.size() - 1).seq() + "\"" : "null");
        return b.append('}').toString();
    }
}
