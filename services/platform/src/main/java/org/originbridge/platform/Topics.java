package org.originbridge.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.originbridge.events.asw.VerificationCompleted;
import org.originbridge.events.ccpit.IssuanceStatusChanged;
import org.originbridge.events.consistency.DeclarationConsistencyChecked;
import org.originbridge.events.failures.DeclarationProcessingFailed;
import org.originbridge.events.intake.BomSubmitted;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationRejected;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.logistics.LogisticsNodeEvent;
import org.originbridge.events.scoring.SupplierComplianceScore;
import org.originbridge.events.signing.SigningKeyPublished;

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

    /**
     * Key: {@code supplierId|material}. Value: {@code org.originbridge.events.intake.BomSubmitted}. Bills of
     * materials exported from an exporter's ERP (generic CSV or SAP CS12), stored by declaration-intake.
     */
    public static final String BOM_SUBMISSIONS = "bom-submissions";

    /**
     * Key: declaration id. Value: {@code org.originbridge.events.consistency.DeclarationConsistencyChecked}.
     * Compacted: the newest record per declaration is its current consistency report (declaration vs issued
     * e-CO vs voyage). Written by status-query when a declaration's report changes; read by compliance-scoring.
     */
    public static final String DECLARATION_CONSISTENCY = "declaration-consistency";

    public static final List<String> ALL = List.of(DECLARATIONS_SUBMITTED, DECLARATIONS_ACCEPTED,
            DECLARATIONS_REJECTED, ASW_VERIFICATIONS, ECO_ISSUANCE_STATUS, LOGISTICS_NODE_EVENTS,
            SUPPLIER_COMPLIANCE_SCORES, DECLARATION_FAILURES, BOM_SUBMISSIONS, DECLARATION_CONSISTENCY);

    /**
     * The typed catalogue: name + key type + value type of every topic above (the String constants stay for
     * {@code @KafkaListener}, which needs compile-time constants). Producers send through these entries;
     * {@code TopicCatalogueTest} and {@code AsyncApiDocumentTest} check them against the String constants, the
     * Avro schemas and docs/api/asyncapi.yaml.
     */
    public static final class Catalogue {
        public static final Topic<String, DeclarationSubmitted> DECLARATIONS_SUBMITTED =
                Topic.of(Topics.DECLARATIONS_SUBMITTED, String.class, DeclarationSubmitted.class);
        public static final Topic<String, DeclarationAccepted> DECLARATIONS_ACCEPTED =
                Topic.of(Topics.DECLARATIONS_ACCEPTED, String.class, DeclarationAccepted.class);
        public static final Topic<String, DeclarationRejected> DECLARATIONS_REJECTED =
                Topic.of(Topics.DECLARATIONS_REJECTED, String.class, DeclarationRejected.class);
        public static final Topic<String, VerificationCompleted> ASW_VERIFICATIONS =
                Topic.of(Topics.ASW_VERIFICATIONS, String.class, VerificationCompleted.class);
        public static final Topic<String, IssuanceStatusChanged> ECO_ISSUANCE_STATUS =
                Topic.of(Topics.ECO_ISSUANCE_STATUS, String.class, IssuanceStatusChanged.class);
        public static final Topic<String, LogisticsNodeEvent> LOGISTICS_NODE_EVENTS =
                Topic.of(Topics.LOGISTICS_NODE_EVENTS, String.class, LogisticsNodeEvent.class);
        public static final Topic<String, SupplierComplianceScore> SUPPLIER_COMPLIANCE_SCORES =
                Topic.of(Topics.SUPPLIER_COMPLIANCE_SCORES, String.class, SupplierComplianceScore.class);
        public static final Topic<String, SigningKeyPublished> SIGNING_KEYS =
                Topic.of(Topics.SIGNING_KEYS, String.class, SigningKeyPublished.class);
        public static final Topic<String, DeclarationProcessingFailed> DECLARATION_FAILURES =
                Topic.of(Topics.DECLARATION_FAILURES, String.class, DeclarationProcessingFailed.class);
        public static final Topic<String, BomSubmitted> BOM_SUBMISSIONS =
                Topic.of(Topics.BOM_SUBMISSIONS, String.class, BomSubmitted.class);
        public static final Topic<String, DeclarationConsistencyChecked> DECLARATION_CONSISTENCY =
                Topic.of(Topics.DECLARATION_CONSISTENCY, String.class, DeclarationConsistencyChecked.class);

        /** Every entry, in the order of {@link Topics#ALL} followed by the signing keys topic. */
        public static final List<Topic<String, ?>> ALL = List.of(DECLARATIONS_SUBMITTED, DECLARATIONS_ACCEPTED,
                DECLARATIONS_REJECTED, ASW_VERIFICATIONS, ECO_ISSUANCE_STATUS, LOGISTICS_NODE_EVENTS,
                SUPPLIER_COMPLIANCE_SCORES, DECLARATION_FAILURES, BOM_SUBMISSIONS, DECLARATION_CONSISTENCY, SIGNING_KEYS);

        private Catalogue() {
        }

        /** The entry of a topic name; empty for a name outside the catalogue (e.g. a dead-letter topic). */
        public static Optional<Topic<String, ?>> byName(String name) {
            return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
        }
    }

    /** Topics keyed by declaration id: a dead letter from one of them concerns that declaration. */
    public static final List<String> KEYED_BY_DECLARATION = List.of(DECLARATIONS_SUBMITTED, DECLARATIONS_ACCEPTED,
            DECLARATIONS_REJECTED, ASW_VERIFICATIONS, ECO_ISSUANCE_STATUS);

    /** Kept for ever: facts are the system of record, read models are rebuilt from them (docs/topics.md). */
    private static final Map<String, String> KEEP_FOR_EVER = Map.of("retention.ms", "-1", "retention.bytes", "-1");
    /** Keyed current state: the latest record per key is kept for ever, older ones compacted away. */
    private static final Map<String, String> LATEST_PER_KEY = Map.of("cleanup.policy", "compact");

    /**
     * The topic-level configs of a catalogue topic, declared here only: every fact topic keeps its
     * records for ever; the supplier scores and declaration consistency topics are compacted (a late subscriber still gets every
     * supplier's current score). Dead-letter topics keep the broker's default retention.
     */
    public static Map<String, String> configs(String topic) {
        if (SUPPLIER_COMPLIANCE_SCORES.equals(topic) || DECLARATION_CONSISTENCY.equals(topic)) {
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
