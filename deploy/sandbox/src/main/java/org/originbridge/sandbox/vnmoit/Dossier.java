package org.originbridge.sandbox.vnmoit;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.originbridge.sandbox.asw.RcepParties;

/**
 * One certificate-of-origin dossier at MOIT; immutable, each change returns a new instance. Time moves it one state
 * per {@code step}, each change dated exactly when it became due.
 */
public record Dossier(
        String dossierId,
        String enterpriseCode,
        CoForm form,
        String fingerprint,
        String coNumber,
        String serialNumber,
        String verificationCode,
        DossierState state,
        String refusalReason,
        Instant receivedAt,
        Instant updatedAt) {

    public Dossier advance(Instant now, Duration step) {
        Dossier current = this;
        while (current.state.advancesWithTime() && !now.isBefore(current.updatedAt.plus(step))) {
            current = current.next(current.updatedAt.plus(step));
        }
        return current;
    }

    private Dossier next(Instant at) {
        return switch (state) {
            case RECEIVED -> moveTo(DossierState.PROCESSING, at, null);
            case PROCESSING -> {
                String refusal = refusalReason(form);
                yield refusal == null ? moveTo(DossierState.APPROVED, at, null) : moveTo(DossierState.REFUSED, at, refusal);
            }
            default -> this;
        };
    }

    /** Sandbox rules for a refusal after review; null when the certificate is approved. */
    static String refusalReason(CoForm form) {
        if (form.exporterReference().toUpperCase(Locale.ROOT).contains("REJECT")) {
            return "sandbox rule: exporterReference " + form.exporterReference() + " contains REJECT";
        }
        if (!RcepParties.isParty(form.importingCountry()) || "VN".equals(form.importingCountry())) {
            return "importing country " + form.importingCountry() + " is not an RCEP Party other than Viet Nam";
        }
        return null;
    }

    public Dossier revoke(Instant at, String why) {
        return moveTo(DossierState.REVOKED, at, why);
    }

    private Dossier moveTo(DossierState target, Instant at, String why) {
        if (!state.canMoveTo(target)) {
            throw new IllegalStateException("a dossier in state " + state + " cannot move to " + target);
        }
        return new Dossier(dossierId, enterpriseCode, form, fingerprint, coNumber, serialNumber, verificationCode, target, why,
                receivedAt, at);
    }

    /** The C/O number and verification code are shown once approved (and still after revocation). */
    public boolean certificateVisible() {
        return state == DossierState.APPROVED || state == DossierState.REVOKED;
    }
}
