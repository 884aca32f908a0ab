package org.originbridge.asw.domain;

import java.util.Optional;

/**
 * Port: what asw-verification has published, per declaration and content (documentHash). Entries
 * are written once and never replaced: a changed content is a new entry with the next version.
 */
public interface VerificationLedger {

    /** The outcome recorded for this declaration with this content, if any. */
    Optional<VerificationResult> find(String declarationId, String documentHash);

    /** The highest version recorded for the declaration; 0 when none. */
    int latestVersion(String declarationId);

    /**
     * Records an outcome once. false when the declaration already has an entry for this content or
     * for this version (someone recorded first: read theirs).
     */
    boolean record(VerificationResult result);
}
