package org.originbridge.platform;

import java.util.List;
import java.util.Map;

/**
 * The topic catalogue: every public topic, its key and its value schema, in one place.
 * docs/topics.md describes the same table for people.
 */
public final class Topics {

    /** Key: declaration id. Value: {@code org.originbridge.events.intake.DeclarationSubmitted}. Written by external producers and intake's HTTP API. */
    public static final String DECLARATIONS_SUBMITTED = "coo-declarations-submitted";
    /** Key: declaration id. Value: {@code DeclarationAccepted}. */
    public static final String DECLARATIONS_ACCEPTED = "coo-declarations-accepted";
    /** Key: declaration id. Value: {@code DeclarationRejected}. */
    public static final String DECLARATIONS_REJECTED = "coo-declarations-rejected";
    /** Key: declaration id. Value: {@code org.originbridge.events.asw.VerificationCompleted}. */
    public static final String ASW_VERIFICATIONS = "asw-verifications";
    /** Key: declaration id. Value: {@code org.originbridge.events.ccpit.IssuanceStatusChanged}. */
    public static final String ECO_ISSUANCE_STATUS = "eco-issuance-status";
    /** Key: transport document reference, else booking reference, else equipment reference. Value: {@code LogisticsNodeEvent}. */
    public static final String LOGISTICS_NODE_EVENTS = "logistics-node-events";
    /** Key: supplier id. Value: {@code org.originbridge.events.scoring.SupplierComplianceScore}. */
    public static final String SUPPLIER_COMPLIANCE_SCORES = "supplier-compliance-scores";
    /**
     * Key: kid. Value: {@code org.originbridge.events.signing.SigningKeyPublished}. Compacted: the
     * newest record per kid is the key's state. Written by each signing service (asw-verification,
     * ccpit-sync) for its own public keys; status-query serves them as a JWKS. Declared (compacted) by
     * the platform's signing auto-configuration, not with {@link #ALL}.
     */
    public static final String SIGNING_KEYS = "signing-keys";

    /**
     * Key: declaration id. Value: {@code org.originbridge.events.failures.DeclarationProcessingFailed}.
     * Written by the platform's error handler of any service when it dead-letters a record keyed by a
     * declaration id, so the declaration's status says FAILED with the reason instead of staying where it was.
     */
    public static final String DECLARATION_FAILURES = "coo-declaration-failures";

    public static final List<String> ALL = List.of(DECLARATIONS_SUBMITTED, DECLARATIONS_ACCEPTED,
            DECLARATIONS_REJECTED, ASW_VERIFICATIONS, ECO_ISSUANCE_STATUS, LOGISTICS_NODE_EVENTS,
            SUPPLIER_COMPLIANCE_SCORES, DECLARATION_FAILURES);

    /** Topics keyed by declaration id: a dead letter from one of them concerns that declaration. */
    public static final List<String> KEYED_BY_DECLARATION = List.of(DECLARATIONS_SUBMITTED, DECLARATIONS_ACCEPTED,
            DECLARATIONS_REJECTED, ASW_VERIFICATIONS, ECO_ISSUANCE_STATUS);

    /** Kept for ever: facts are the system of record, read models are rebuilt from them (docs/topics.md). */
    private static final Map<String, String> KEEP_FOR_EVER = Map.of("retention.ms", "-1", "retention.bytes", "-1");
    /** Keyed current state: the latest record per key is kept for ever, older ones compacted away. */
    private static final Map<String, String> LATEST_PER_KEY = Map.of("cleanup.policy", "compact");

    /**
     * The topic-level configs of a catalogue topic, declared here only: every fact topic keeps its
     * records for ever; the supplier scores topic is compacted (a late subscriber still gets every
     * supplier's current score). Dead-letter topics keep the broker's default retention.
     */
    public static Map<String, String> configs(String topic) {
        if (SUPPLIER_COMPLIANCE_SCORES.equals(topic)) {
            return LATEST_PER_KEY;
        }
        return ALL.contains(topic) ? KEEP_FOR_EVER : Map.of();
    }

    private Topics() {
    }

    /** The dead-letter topic of one consumer application for one source topic. */
    public static String deadLetter(String sourceTopic, String consumerApplication) {
        return sourceTopic + "-" + consumerApplication + "-dlt";
    }
}
