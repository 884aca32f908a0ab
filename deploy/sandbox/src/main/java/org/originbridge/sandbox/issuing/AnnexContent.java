package org.originbridge.sandbox.issuing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.originbridge.sandbox.web.FieldError;

/**
 * The RCEP Annex 3B content of an e-CO application, as both sandbox issuing authorities (CCPIT, VN-MOIT) take it:
 * parties, transport, goods items and the exporter's declaration. Bean validation refuses what an authority's form
 * would not accept (a goods item without description, an HS code that is not 6 digits, a non-positive quantity);
 * {@link #rvcWithoutFob} adds the rule a single field cannot say.
 */
public final class AnnexContent {

    private AnnexContent() {}

    public record Trader(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 500) String address,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country) {}

    public record Transport(
            @Size(max = 64) String invoiceNumber,
            @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date (yyyy-mm-dd)") String invoiceDate,
            @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date (yyyy-mm-dd)") String departureDate,
            @Size(max = 100) String vesselOrFlight,
            @Size(max = 32) String voyageNumber,
            @Pattern(regexp = "[A-Z]{2}[A-Z2-9]{3}", message = "must be a UN/LOCODE") String portOfLoading,
            @Pattern(regexp = "[A-Z]{2}[A-Z2-9]{3}", message = "must be a UN/LOCODE") String portOfDischarge) {}

    public record Fob(
            @NotNull @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 16, fraction = 2) BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency) {}

    public record Item(
            int itemNumber,
            @NotBlank(message = "the description of goods is required") @Size(max = 500) String description,
            @NotNull @Pattern(regexp = "[0-9]{4}\\.?[0-9]{2}", message = "must be a 6-digit HS code") String hsCode,
            @NotBlank(message = "the origin conferring criterion is required") @Size(max = 32) String originCriterion,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String originCountry,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 3) BigDecimal quantity,
            @Size(max = 8) String quantityUnit,
            @DecimalMin(value = "0") @Digits(integer = 15, fraction = 3) BigDecimal grossWeightKg,
            @Valid Fob fobValue) {}

    public record Declarant(
            @Size(max = 100) String place,
            @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date (yyyy-mm-dd)") String date,
            @Size(max = 200) String signatoryName) {}

    /** Annex 3B (k): an item under the RVC criterion needs its FOB value. */
    public static List<FieldError> rvcWithoutFob(List<Item> goods) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; goods != null && i < goods.size(); i++) {
            Item item = goods.get(i);
            if (item != null && item.originCriterion() != null
                    && item.originCriterion().trim().toUpperCase(Locale.ROOT).startsWith("RVC") && item.fobValue() == null) {
                errors.add(new FieldError("goods[" + i + "].fobValue", "the FOB value is required under the RVC criterion"));
            }
        }
        return errors;
    }
}
