package org.originbridge.asw.domain;

import java.util.Optional;

/**
 * Port: what asw-verification has published, per declaration and content (documentHash). Entries
 * are written once and never replaced: a changed content is a new entry with the next version, and
 * so is a revocation of a verified content.
 */
public interface VerificationLedger {

    /** The latest outcome recorded for this declaration with this content (a revocation after the verification), if any. */
    Optional<VerificationResult> find(String declarationId, String documentHash);

    /** The latest outcome recorded for the declaration, whatever its content. */
    Optional<VerificationResult> latest(String declarationId);

    /** The highest version recorded for the declaration; 0 when none. */
    default int latestVersion(String declarationId) {
        return latest(declarationId).map(VerificationResult::version).orElse(0);
    }

    /** The declarations whose latest outcome verified this certificate number (or, for a DoO, reference number). */
    java.util.List<String> declarationsVerifying(String certificateOrReference);

    /**
     * Records an outcome once. false when the declaration already has an entry for this content (or
     * this revocation) or for this version (someone recorded first: read theirs).
     */
    boolean record(VerificationResult result);
}
