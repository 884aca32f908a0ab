package org.originbridge.scoring.domain;

import java.util.Optional;

/**
 * Port: the scores already published (the compacted {@code supplier-compliance-scores} topic),
 * consulted only while a rebuild replays history, so that the rebuilt state continues from each
 * supplier's published version instead of publishing versions 1, 2, ... again.
 */
public interface PublishedScores {

    Optional<SupplierScore> latest(String supplierId);

    PublishedScores NONE = supplierId -> Optional.empty();
}
