package org.originbridge.ccpit.domain;

/**
 * e-CO issuance statuses as OriginBridge publishes them: CCPIT's own (SUBMITTED, UNDER_REVIEW,
 * ISSUED, REJECTED, REVOKED) plus REQUESTED (we have decided to apply and are about to) and FAILED
 * (the application could not be made, e.g. the exporter has no CCPIT credentials).
 */
public enum IssuanceStatus {
    REQUESTED, SUBMITTED, UNDER_REVIEW, ISSUED, REJECTED, REVOKED, FAILED
}
