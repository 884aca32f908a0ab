package org.originbridge.asw.domain;

import java.util.Optional;

/**
 * Port: the two halves a Certificate of Origin's verification waits for, per declaration: the
 * accepted declaration (what is verified) and its issuance (the certificate issued). Each write is
 * one atomic update that answers the state after it, so of two writers racing on one declaration
 * (the accepted record and the ISSUED status arrive together on two consumers) at least one sees
 * both halves: nothing waits for ever. Both may see both: the {@link VerificationLedger} makes the
 * second verification publish the first one's outcome.
 */
public interface PendingVerifications {

    /** Both halves as far as known. */
    record Pending(Optional<AswRequest> accepted, String supplierId, String referenceNumber, Optional<Issuance> issued) {}

    /** Keeps the accepted declaration (the latest content wins) and answers both halves. */
    Pending accepted(String supplierId, String referenceNumber, AswRequest request);

    /** Keeps the issuance and answers both halves. */
    Pending issued(String declarationId, Issuance issuance);
}
