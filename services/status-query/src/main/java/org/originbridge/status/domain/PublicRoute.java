package org.originbridge.status.domain;

import java.util.List;

import org.originbridge.status.domain.route.DeliveryRoute;

/**
 * The delivery route as the public route entry shows it: the reference number and the route (ports,
 * times, vessel/voyage, position, ETA); never the importer, the goods or any party.
 */
public record PublicRoute(String referenceNumber, List<DeliveryRoute.Stop> stops, List<DeliveryRoute.Leg> legs,
        DeliveryRoute.Position position, DeliveryRoute.Eta eta) {

    static PublicRoute of(String referenceNumber, DeliveryRoute route) {
        return new PublicRoute(referenceNumber, route.stops(), route.legs(), route.position(), route.eta());
    }
}
