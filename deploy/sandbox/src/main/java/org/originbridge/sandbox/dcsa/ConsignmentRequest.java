package org.originbridge.sandbox.dcsa;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /dcsa/v2/sandbox/consignments}: a voyage to simulate. Optional: {@code schedule}
 * true adds the carrier's plan (PLN, published at registration) and estimates (EST) of each
 * arrival and departure before the actual events; {@code stepSeconds} (1-3600) replaces the
 * sandbox's step between two events for this voyage (a slower voyage to watch on the route map).
 */
public record ConsignmentRequest(
        @NotBlank @Size(max = 20) String transportDocumentReference,
        @NotBlank @Size(max = 35) String bookingReference,
        @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = "[A-Z]{4}[0-9]{7}", message = "must be an ISO 6346 container number such as MSKU1234565")
                String> equipmentReferences,
        @NotNull @Size(min = 2, max = 10, message = "must list 2 to 10 ports") List<@NotNull @Pattern(regexp = "[A-Z]{2}[A-Z2-9]{3}", message = "must be a UN/LOCODE such as CNYSA")
                String> route,
        @NotNull @Pattern(regexp = "[0-9]{7}", message = "must be a 7-digit IMO number") String vesselIMO,
        @NotBlank @Size(max = 50) String carrierVoyageNumber,
        Boolean schedule,
        @Min(1) @Max(3600) Integer stepSeconds) {

    public ConsignmentRequest(String transportDocumentReference, String bookingReference, List<String> equipmentReferences,
            List<String> route, String vesselIMO, String carrierVoyageNumber) {
        this(transportDocumentReference, bookingReference, equipmentReferences, route, vesselIMO, carrierVoyageNumber,
                null, null);
    }

    boolean withSchedule() {
        return Boolean.TRUE.equals(schedule);
    }
}
