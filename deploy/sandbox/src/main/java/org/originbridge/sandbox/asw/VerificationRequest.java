package org.originbridge.sandbox.asw;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST .../v1/verifications} body (every destination channel). certificateNumber,
 * issuingAuthority and certificateDocumentSha256 describe the issued certificate: required for a
 * Certificate of Origin to verify, absent for a Declaration of Origin.
 */
public record VerificationRequest(
        @NotBlank @Size(max = 64) String declarationId,
        @NotBlank @Size(max = 64) String coReferenceNumber,
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be an upper-case code such as CERTIFICATE_OF_ORIGIN")
        String documentType,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String exportingCountry,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String importingCountry,
        @NotBlank @Size(max = 200) String exporterName,
        @NotEmpty List<@NotNull @Pattern(regexp = "[0-9]{4}(\\.?[0-9]{2}){0,3}", message = "must be an HS code of 4 to 10 digits")
                String> hsCodes,
        @NotNull LocalDate issueDate,
        @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be a hex SHA-256 (64 hex digits)") String documentHash,
        @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9/._-]*", message = "must be a certificate number (letters, digits, / . _ -)")
        String certificateNumber,
        @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{2,20}", message = "must be an issuing authority code such as CN-CCPIT") String issuingAuthority,
        @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be a hex SHA-256 (64 hex digits)") String certificateDocumentSha256) {

    /** The request of a client that sends no issued certificate (a Declaration of Origin, or the pre-issuance contract). */
    public VerificationRequest(String declarationId, String coReferenceNumber, String documentType, String exportingCountry,
            String importingCountry, String exporterName, List<String> hsCodes, LocalDate issueDate, String documentHash) {
        this(declarationId, coReferenceNumber, documentType, exportingCountry, importingCountry, exporterName, hsCodes, issueDate,
                documentHash, null, null, null);
    }
}
