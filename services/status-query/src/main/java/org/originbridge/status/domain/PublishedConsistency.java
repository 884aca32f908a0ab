package org.originbridge.status.domain;

import java.util.Optional;

/** Port: the hash of the consistency report last published per declaration. */
public interface PublishedConsistency {

    Optional<String> reportHash(String declarationId);

    /** Records that the report with this hash was published (after the broker acknowledged it). */
    void published(String declarationId, String reportHash);
}
