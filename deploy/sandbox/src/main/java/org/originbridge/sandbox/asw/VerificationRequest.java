package org.originbridge.sandbox.asw;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** {@code POST /asw/v1/verifications} body. */
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
        @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be a hex SHA-256 (64 hex digits)") String documentHash) {}
