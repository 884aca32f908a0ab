package org.originbridge.sandbox.ccpit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.originbridge.sandbox.issuing.AnnexContent;

/**
 * {@code POST /ccpit/v1/applications} body: the five fields of the first contract, then the full RCEP Annex 3B
 * content ({@code exporter}, {@code producer}, {@code consignee}, {@code transport}, {@code goods}, {@code declarant},
 * {@code remarks}). An application with {@code goods} is checked item by item (description, 6-digit HS code,
 * criterion, quantity, FOB under RVC); one without them (the first contract's shape) is still accepted.
 */
public record ApplicationRequest(
        @NotBlank @Size(max = 64) String declarationId,
        @NotBlank @Size(max = 64) String coReferenceNumber,
        @NotBlank @Size(max = 200) String exporterName,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String importingCountry,
        @NotEmpty List<@NotNull @Pattern(regexp = "[0-9]{4}(\\.?[0-9]{2}){0,3}", message = "must be an HS code of 4 to 10 digits")
                String> hsCodes,
        @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 16, fraction = 2) BigDecimal fobValue,
        @Valid AnnexContent.Trader exporter,
        @Valid AnnexContent.Trader producer,
        @Valid AnnexContent.Trader consignee,
        @Valid AnnexContent.Transport transport,
        @Size(max = 100) List<AnnexContent.@NotNull @Valid Item> goods,
        @Valid AnnexContent.Declarant declarant,
        @Size(max = 1000) String remarks) {

    /** The first contract's five fields (and FOB) only. */
    public ApplicationRequest(String declarationId, String coReferenceNumber, String exporterName, String importingCountry,
            List<String> hsCodes, BigDecimal fobValue) {
        this(declarationId, coReferenceNumber, exporterName, importingCountry, hsCodes, fobValue, null, null, null, null,
                null, null, null);
    }
}
