package org.originbridge.sandbox.ccpit;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** {@code POST /ccpit/v1/applications} body. */
public record ApplicationRequest(
        @NotBlank @Size(max = 64) String declarationId,
        @NotBlank @Size(max = 64) String coReferenceNumber,
        @NotBlank @Size(max = 200) String exporterName,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String importingCountry,
        @NotEmpty List<@NotNull @Pattern(regexp = "[0-9]{4}(\\.?[0-9]{2}){0,3}", message = "must be an HS code of 4 to 10 digits")
                String> hsCodes,
        @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 16, fraction = 2) BigDecimal fobValue) {}
