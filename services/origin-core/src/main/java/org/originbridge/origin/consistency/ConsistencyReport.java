package org.originbridge.origin.consistency;

import java.util.List;

/**
 * The consistency report of one declaration: the declaration against the certificate as its authority
 * issued it and against the voyage as carriers and terminals reported it. The same inputs always give an
 * equal report (findings in rule order), so a consumer can store it and skip an unchanged one.
 *
 * @param status              the overall outcome, see {@link Status}
 * @param certificateCompared an issued certificate's content was compared
 * @param voyageCompared      at least one actual load or discharge event was compared
 * @param loadedAt            the node of the first actual load (null before it)
 * @param dischargedAt        the node of the final actual discharge (null before it, or while reloaded after one)
 * @param findings            the discrepancies and points needing evidence, in rule order
 * @param publicLine          one plain-language line for the public check, naming no private value
 */
public record ConsistencyReport(Status status, boolean certificateCompared, boolean voyageCompared, String loadedAt,
        String dischargedAt, List<Finding> findings, String publicLine) {

    public ConsistencyReport {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** The overall outcome. */
    public enum Status {
        /** Nothing to compare yet: no issued certificate content and no actual voyage event. */
        NOT_COMPARED,
        /** Everything compared matches. */
        CONSISTENT,
        /** Nothing differs, but evidence is needed (transshipment through a non-Party). */
        EVIDENCE_NEEDED,
        /** At least one fact differs. */
        DISCREPANCIES
    }

    /** The findings of the given severity. */
    public List<Finding> findings(Finding.Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }
}
