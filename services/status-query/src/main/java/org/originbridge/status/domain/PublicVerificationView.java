package org.originbridge.status.domain;

/**
 * A public verification as a verification page or an embedded module shows it: the report, and
 * the few facts printed next to it once the presented code matched (document integrity VALID):
 * the short code (canonical form), the e-CO's certificate number (once issued) and the issuing
 * body named on the certificate, and the consistency line (the declaration against the issued
 * certificate and the voyage, in plain language, naming no private value: see
 * {@link org.originbridge.origin.consistency.ConsistencyReport#publicLine()}). For any other answer the facts
 * are null, so a wrong code learns nothing more than the report says.
 */
public record PublicVerificationView(VerificationReport report, String shortCode, String certificateNumber,
        String issuingBody, String consistency) {

    /** VERIFIED when every check is VALID, NOT_VERIFIED when one is INVALID, else PENDING (e.g. e-CO not issued yet). */
    public enum State { VERIFIED, PENDING, NOT_VERIFIED }

    public State state() {
        return switch (report.summary().all()) {
            case VerificationReport.VALID -> State.VERIFIED;
            case VerificationReport.INVALID -> State.NOT_VERIFIED;
            default -> State.PENDING;
        };
    }

    /** true when the code matched this reference (the facts are then shown). */
    public boolean codeMatched() {
        return VerificationReport.VALID.equals(report.summary().documentIntegrity());
    }
}
