package org.originbridge.origin.consistency;

/**
 * One discrepancy (or point needing evidence) between the declaration and another source.
 *
 * @param checkId        the rule that found it, e.g. {@code ECO_HS_CODE}, {@code VOYAGE_PORT_OF_DISCHARGE}
 * @param field          the declaration's field path, e.g. {@code goods[2].hsCode}, {@code consignment.portOfDischarge}
 * @param declared       the value as declared (null when not declared)
 * @param observed       the value the other source states (null when it states none)
 * @param source         where the observed value comes from: "e-CO CN-CCPIT-... issued by CN-CCPIT",
 *                       "DCSA event e-17 at MYPKG", ...
 * @param severity       see {@link Severity}
 * @param sentence       plain language, with both values: for the exporter, operator and importer
 * @param publicSentence plain language without any value: for the public check
 */
public record Finding(String checkId, String field, String declared, String observed, String source,
        Severity severity, String sentence, String publicSentence) {

    /** How a finding weighs. */
    public enum Severity {
        /** The sources disagree on a fact. */
        DISCREPANCY,
        /** Not a failure, but evidence is needed (Art. 3.15 transshipment through a non-Party). */
        EVIDENCE_NEEDED
    }

    /** Found against the issued certificate (e-CO): its check id starts with {@code ECO_}. */
    public boolean aboutCertificate() {
        return checkId != null && checkId.startsWith("ECO_");
    }

    /** Found against the voyage (carrier or terminal events): its check id starts with {@code VOYAGE_}. */
    public boolean aboutVoyage() {
        return checkId != null && checkId.startsWith("VOYAGE_");
    }
}
