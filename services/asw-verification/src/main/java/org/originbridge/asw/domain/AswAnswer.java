package org.originbridge.asw.domain;

import java.time.Instant;

/** ASW's verification of a document. */
public record AswAnswer(String aswReference, boolean verified, Check documentIntegrity, Check issuanceStatus,
        Check issuerIdentity, Instant verifiedAt) {}
