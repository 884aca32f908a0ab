package org.originbridge.asw.domain;

/**
 * Port to the ASEAN Single Window. An implementation returns an answer, or a refusal for a
 * request ASW will never accept (its 4xx); a failure that may pass later (timeout, 5xx, 429,
 * breaker open) is thrown, so the record is retried and finally dead-lettered.
 */
public interface AswGateway {

    sealed interface Result permits Answered, Refused {}

    record Answered(AswAnswer answer) implements Result {}

    /** ASW refused the request for good: HTTP status and its explanation. */
    record Refused(int status, String reason) implements Result {}

    Result verify(AswRequest request);
}
