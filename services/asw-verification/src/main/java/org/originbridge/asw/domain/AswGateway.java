package org.originbridge.asw.domain;

/**
 * Port to the destinations' verification channels (the ASEAN Single Window per importing Member
 * State, the partners' customs channels), by channel id ({@link Routing}). An implementation returns
 * an answer, or a refusal for a request the channel will never accept (its 4xx); a failure that may
 * pass later (timeout, 5xx, 429, breaker open) is thrown, so the record is retried, never dead-lettered.
 */
public interface AswGateway {

    sealed interface Result permits Answered, Refused {}

    record Answered(AswAnswer answer) implements Result {}

    /** The channel refused the request for good: HTTP status and its explanation. */
    record Refused(int status, String reason) implements Result {}

    /** Whether this deployment has the channel configured (base URL and credentials). */
    boolean serves(String channel);

    Result verify(String channel, AswRequest request);
}
