package org.originbridge.sandbox.vnmoit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.originbridge.sandbox.issuing.AnnexContent;

/**
 * {@code POST /vn-moit/ecosys/v1/co-applications} body: one certificate-of-origin form as MOIT's eCoSys takes it.
 * The full RCEP Annex 3B content is required: exporter, consignee, goods (each with description, 6-digit HS code,
 * criterion and quantity).
 */
public record CoForm(
        @NotBlank @Size(max = 16) String formType,
        @NotBlank @Size(max = 64) String declarationId,
        @NotBlank @Size(max = 64) String exporterReference,
        @NotNull @Valid AnnexContent.Trader exporter,
        @Valid AnnexContent.Trader producer,
        @NotNull @Valid AnnexContent.Trader consignee,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String importingCountry,
        @Valid AnnexContent.Transport transport,
        @NotEmpty @Size(max = 100) List<AnnexContent.@NotNull @Valid Item> goods,
        @Valid AnnexContent.Declarant declarant,
        @Size(max = 1000) String remarks) {}
