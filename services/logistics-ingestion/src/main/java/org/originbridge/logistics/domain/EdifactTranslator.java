package org.originbridge.logistics.domain;

import java.time.Instant;
import java.util.List;

/** Port: turns an EDIFACT interchange (COARRI, CODECO) into normalised events. */
public interface EdifactTranslator {

    /** @throws InvalidEventsException naming each bad segment or element */
    List<NodeEvent> translate(byte[] interchange, Instant receivedAt);
}
