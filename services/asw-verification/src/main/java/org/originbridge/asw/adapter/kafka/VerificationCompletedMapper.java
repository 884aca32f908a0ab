package org.originbridge.asw.adapter.kafka;

import org.originbridge.asw.domain.Check;
import org.originbridge.asw.domain.VerificationResult;
import org.originbridge.events.asw.CheckResult;
import org.originbridge.events.asw.CheckStatus;
import org.originbridge.events.asw.VerificationCompleted;
import org.originbridge.events.asw.VerificationOutcome;

/** Domain {@link VerificationResult} to Avro {@link VerificationCompleted}. */
public final class VerificationCompletedMapper {

    private VerificationCompletedMapper() {}

    public static VerificationCompleted toAvro(VerificationResult r) {
        return VerificationCompleted.newBuilder()
                .setDeclarationId(r.declarationId())
                .setSupplierId(r.supplierId())
                .setReferenceNumber(r.referenceNumber())
                .setOutcome(VerificationOutcome.valueOf(r.outcome().name()))
                .setAswReference(r.aswReference())
                .setDocumentHash(r.documentHash())
                .setDocumentIntegrity(check(r.documentIntegrity()))
                .setIssuanceStatus(check(r.issuanceStatus()))
                .setIssuerIdentity(check(r.issuerIdentity()))
                .setVerificationCode(r.verificationCode())
                .setReason(r.reason())
                .setVerifiedAt(r.verifiedAt())
                .setVersion(r.version())
                .setShortCode(r.shortCode())
                // the declaration's exporter tenant is its supplierId (docs/security.md)
                .setTenantId(r.supplierId())
                .setChannel(r.channel())
                .setCertificateNumber(r.certificateNumber())
                .setIssuingAuthority(r.issuingAuthority())
                .build();
    }

    private static CheckResult check(Check c) {
        return CheckResult.newBuilder().setStatus(CheckStatus.valueOf(c.status().name())).setReason(c.reason()).build();
    }
}
