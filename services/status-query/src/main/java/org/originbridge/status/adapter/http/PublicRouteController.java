package org.originbridge.status.adapter.http;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.status.config.RouteMapProperties;
import org.originbridge.status.domain.PublicRoute;
import org.originbridge.status.domain.StatusQueries;
import org.originbridge.status.domain.route.DeliveryRoute;
import org.originbridge.status.domain.route.PortDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The delivery route of a published declaration, authorised like the public verification: the
 * reference number plus its verification code (full or short). Public and rate-limited
 * ({@code /api/v1/public/**}); an unknown reference and a wrong code both answer the same 404, so
 * reference numbers cannot be discovered here. No importer, goods or party data.
 */
@RestController
@RequestMapping("/api/v1/public")
public class PublicRouteController {

    static final int MAX_REFERENCE = 100;
    static final int MAX_CODE = 4096;
    static final String NOT_FOUND = "no route is shown for this reference number and code";

    private final StatusQueries queries;
    private final MeterRegistry meters;
    private final List<Landmark> landmarks;

    public PublicRouteController(StatusQueries queries, MeterRegistry meters, RouteMapProperties map) {
        this.queries = queries;
        this.meters = meters;
        this.landmarks = landmarks(map.landmarks(), PortDirectory.shipped());
    }

    /** The route plus the ports every map marks (Yangshan, Cai Mep, Port Klang by default). */
    public record RouteView(String referenceNumber, List<DeliveryRoute.Stop> stops, List<DeliveryRoute.Leg> legs,
            DeliveryRoute.Position position, DeliveryRoute.Eta eta, List<Landmark> landmarks) {
    }

    /** A port marked on every map. */
    public record Landmark(String unLocode, String name, double latitude, double longitude) {
    }

    @GetMapping("/routes/{referenceNumber}")
    public RouteView route(@PathVariable String referenceNumber, @RequestParam(required = false) String code) {
        PublicRoute route = find(queries, referenceNumber, code);
        meters.counter("originbridge.status.public.routes", "result", route == null ? "not_found" : "found").increment();
        if (route == null) {
            throw Problems.notFound(NOT_FOUND);
        }
        return new RouteView(route.referenceNumber(), route.stops(), route.legs(), route.position(), route.eta(),
                landmarks);
    }

    List<Landmark> landmarks() {
        return landmarks;
    }

    /** Validates the two inputs (400 naming each bad one) and looks the route up; null when none is shown. */
    static PublicRoute find(StatusQueries queries, String referenceNumber, String code) {
        List<FieldError> errors = new ArrayList<>();
        if (referenceNumber == null || referenceNumber.isBlank() || referenceNumber.length() > MAX_REFERENCE
                || referenceNumber.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("referenceNumber", ErrorCodes.INVALID_PARAMETER, "1 to " + MAX_REFERENCE + " printable characters"));
        }
        if (code == null || code.isBlank()) {
            errors.add(new FieldError("code", ErrorCodes.REQUIRED, "the verification code is required"));
        } else if (code.length() > MAX_CODE) {
            errors.add(new FieldError("code", ErrorCodes.LIMIT_EXCEEDED, "at most " + MAX_CODE + " characters"));
        }
        if (!errors.isEmpty()) {
            throw Problems.badRequest(errors);
        }
        return queries.publicRoute(referenceNumber, code).orElse(null);
    }

    private static List<Landmark> landmarks(List<String> codes, PortDirectory ports) {
        List<Landmark> found = new ArrayList<>();
        for (String code : codes) {
            PortDirectory.Port port = ports.node(ports.nodeOf(code))
                    .orElseThrow(() -> new IllegalStateException("originbridge.status.map.landmarks: " + code
                            + " is not in the port table (domain/route/ports.csv)"));
            found.add(new Landmark(port.node(), port.name(), port.latitude(), port.longitude()));
        }
        return List.copyOf(found);
    }
}
