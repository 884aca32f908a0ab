package org.originbridge.sandbox.dcsa;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /dcsa/v2/sandbox/consignments}: a voyage to simulate. Optional: {@code schedule}
 * true adds the carrier's plan (PLN, published at registration) and estimates (EST) of each
 * arrival and departure before the actual events; {@code stepSeconds} (1-3600) replaces the
 * sandbox's step between two events for this voyage (a slower voyage to watch on the route map);
 * {@code transshipmentPorts} names the intermediate ports of {@code route} where the containers are
 * discharged and loaded again (a transshipment: EQUIPMENT DISC and LOAD there); at the other
 * intermediate ports they stay on board (TRANSPORT ARRI and DEPA only).
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
        @Min(1) @Max(3600) Integer stepSeconds,
        @Size(max = 8, message = "must list at most 8 ports") List<@NotNull @Pattern(regexp = "[A-Z]{2}[A-Z2-9]{3}", message = "must be a UN/LOCODE such as SGSIN")
                String> transshipmentPorts) {

    public ConsignmentRequest(String transportDocumentReference, String bookingReference, List<String> equipmentReferences,
            List<String> route, String vesselIMO, String carrierVoyageNumber) {
        this(transportDocumentReference, bookingReference, equipmentReferences, route, vesselIMO, carrierVoyageNumber,
                null, null, null);
    }

    public ConsignmentRequest(String transportDocumentReference, String bookingReference, List<String> equipmentReferences,
            List<String> route, String vesselIMO, String carrierVoyageNumber, Boolean schedule, Integer stepSeconds) {
        this(transportDocumentReference, bookingReference, equipmentReferences, route, vesselIMO, carrierVoyageNumber,
                schedule, stepSeconds, null);
    }

    boolean withSchedule() {
        return Boolean.TRUE.equals(schedule);
    }

    /** Whether the containers are discharged and loaded again at this intermediate port. */
    boolean transshipsAt(String port) {
        return transshipmentPorts != null && transshipmentPorts.contains(port);
    }

    /**
     * Why {@code transshipmentPorts} cannot be simulated on {@code route} (null when it can): each must be an
     * intermediate port (not the first nor the last), named once, and called once by the route (else it would be
     * ambiguous which call transships).
     */
    String transshipmentProblem() {
        if (transshipmentPorts == null || transshipmentPorts.isEmpty() || route == null || route.size() < 2) {
            return null;
        }
        List<String> intermediate = route.subList(1, route.size() - 1);
        Set<String> seen = new HashSet<>();
        for (String port : transshipmentPorts) {
            if (!seen.add(port)) {
                return "names " + port + " twice";
            }
            if (!intermediate.contains(port)) {
                return port + " is not an intermediate port of the route (a transshipment happens between the first and the last port)";
            }
            if (route.indexOf(port) != route.lastIndexOf(port)) {
                return port + " is called more than once by the route: which call transships is ambiguous";
            }
        }
        return null;
    }
}
