package org.originbridge.status.domain;

import java.time.Instant;
import java.util.List;

import org.originbridge.origin.consistency.ConsistencyReport;

/**
 * A declaration's consistency report as a fact (topic {@code declaration-consistency}), with the identities of the
 * inputs it was computed from.
 *
 * @param declarationHash  SHA-256 of the declaration content the report compared
 * @param issuanceSequence the issuance change whose issued content was compared; null when none was
 * @param voyageEventIds   the actual voyage events compared (their ids, sorted)
 * @param reportHash       SHA-256 of the report: equal hashes are the same report
 */
public record ConsistencyFact(String declarationId, String supplierId, String referenceNumber, ConsistencyReport report,
        String declarationHash, Integer issuanceSequence, List<String> voyageEventIds, String reportHash,
        Instant checkedAt) {

    public ConsistencyFact {
        voyageEventIds = List.copyOf(voyageEventIds);
    }
}
