package org.originbridge.asw.adapter.http;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * JSON shapes of the verification channels' contract (deploy/sandbox/src/main/resources/static/openapi/asw.yaml
 * for the ASW national single windows, customs.yaml for the partners' customs channels: same shapes).
 */
final class AswWire {

    private AswWire() {}

    record VerificationRequest(String declarationId, String coReferenceNumber, String documentType, String exportingCountry,
            String importingCountry, String exporterName, List<String> hsCodes, LocalDate issueDate, String documentHash,
            String certificateNumber, String issuingAuthority, String certificateDocumentSha256) {}

    record Check(String status, String reason) {}

    record Checks(Check documentIntegrity, Check issuanceStatus, Check issuerIdentity) {}

    record VerificationResult(String aswReference, String outcome, Checks checks, Instant verifiedAt) {}

    record Revocation(long sequence, String certificateNumber, String reason, Instant revokedAt) {}

    record Revocations(List<Revocation> revocations, long next) {}
}
