package org.originbridge.logistics.adapter.http;

import org.originbridge.logistics.domain.InvalidEventsException;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** Raw JSON bytes to a plain tree (maps, lists, strings, numbers) for the domain's validator. */
@Component
public final class JsonBodies {

    private final ObjectMapper json;

    public JsonBodies(ObjectMapper json) {
        this.json = json;
    }

    /** @throws InvalidEventsException on field {@code body} when the bytes are not JSON */
    public Object parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidEventsException("body", "is empty: send a DCSA event object or an array of them");
        }
        try {
            return json.readValue(body, Object.class);
        } catch (JacksonException e) {
            throw new InvalidEventsException("body", "is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
