package org.originbridge.asw.adapter.http;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** JSON shapes of the ASW contract (deploy/sandbox/src/main/resources/static/openapi/asw.yaml). */
final class AswWire {

    private AswWire() {}

    record VerificationRequest(String declarationId, String coReferenceNumber, String documentType, String exportingCountry,
            String importingCountry, String exporterName, List<String> hsCodes, LocalDate issueDate, String documentHash) {}

    record Check(String status, String reason) {}

    record Checks(Check documentIntegrity, Check issuanceStatus, Check issuerIdentity) {}

    record VerificationResult(String aswReference, String outcome, Checks checks, Instant verifiedAt) {}
}
