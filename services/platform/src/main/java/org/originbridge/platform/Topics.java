package org.originbridge.platform;

import java.util.List;

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

    public static final List<String> ALL = List.of(DECLARATIONS_SUBMITTED, DECLARATIONS_ACCEPTED,
            DECLARATIONS_REJECTED, ASW_VERIFICATIONS, ECO_ISSUANCE_STATUS, LOGISTICS_NODE_EVENTS,
            SUPPLIER_COMPLIANCE_SCORES);

    private Topics() {
    }

    /** The dead-letter topic of one consumer application for one source topic. */
    public static String deadLetter(String sourceTopic, String consumerApplication) {
        return sourceTopic + "-" + consumerApplication + "-dlt";
    }
}
