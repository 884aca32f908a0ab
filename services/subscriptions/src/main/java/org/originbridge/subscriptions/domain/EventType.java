package org.originbridge.subscriptions.domain;

import java.util.Optional;

/**
 * The event types a subscriber can receive, each from one fact topic, and who may see it
 * ({@link Audience}). The wire name (e.g. {@code score.changed}) is what subscriptions list and
 * what deliveries, streams and histories carry as {@code type}.
 */
public enum EventType {
    DECLARATION_ACCEPTED("declaration.accepted", Audience.EXPORTER),
    DECLARATION_REJECTED("declaration.rejected", Audience.EXPORTER),
    DECLARATION_FAILED("declaration.failed", Audience.EXPORTER),
    /**
     * The destination's verification channel verified the declaration (outcome VERIFIED, with its verification code).
     * Only VERIFIED: the other outcomes of {@code asw-verifications} have types of their own (issue 10).
     */
    DECLARATION_VERIFIED("declaration.verified", Audience.ECO),
    /**
     * The channel answered and did not verify it (NOT_VERIFIED), refused the request (FAILED), or the outcome is one
     * this version does not know (UNKNOWN); {@code outcome} and {@code reason} in the payload say which.
     */
    DECLARATION_NOT_VERIFIED("declaration.not-verified", Audience.ECO),
    /** The destination has no verification channel (not an RCEP Party, or none configured): NOT_APPLICABLE, with the reason. */
    DECLARATION_VERIFICATION_NOT_APPLICABLE("declaration.verification-not-applicable", Audience.ECO),
    /** What was verified was revoked afterwards (by the issuing authority or the destination's channel), with the reason. */
    DECLARATION_VERIFICATION_REVOKED("declaration.verification-revoked", Audience.ECO),
    /** Every e-CO issuance status change at CCPIT, issued and revoked included. */
    ECO_STATUS_CHANGED("eco.status-changed", Audience.ECO),
    /** A port / carrier node event (departures, arrivals, ETAs), keyed by transport document. */
    LOGISTICS_EVENT("logistics.event", Audience.EXPORTER),
    SCORE_CHANGED("score.changed", Audience.SCORE);

    /**
     * Who sees an event besides operators (who see all): EXPORTER = the exporters and providers
     * acting for its tenant; ECO = those plus the importer the declaration is addressed to;
     * SCORE = procurement platforms plus the supplier's own exporters and providers.
     */
    public enum Audience { EXPORTER, ECO, SCORE }

    private final String wireName;
    private final Audience audience;

    EventType(String wireName, Audience audience) {
        this.wireName = wireName;
        this.audience = audience;
    }

    public String wireName() {
        return wireName;
    }

    public Audience audience() {
        return audience;
    }

    public static Optional<EventType> fromWireName(String name) {
        for (EventType t : values()) {
            if (t.wireName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
