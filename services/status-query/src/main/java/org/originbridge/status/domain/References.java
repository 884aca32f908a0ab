package org.originbridge.status.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Join keys between a declaration's consignment and logistics events. Each reference is tagged
 * with its kind, so a booking number never matches a container number that happens to be equal.
 */
public final class References {

    private References() {
    }

    public static String transportDocument(String value) {
        return "TD:" + value;
    }

    public static String booking(String value) {
        return "BK:" + value;
    }

    public static String equipment(String value) {
        return "EQ:" + value;
    }

    /** Every reference of a consignment (transport document, booking, each container). */
    public static List<String> of(DeclarationData.Consignment consignment) {
        List<String> refs = new ArrayList<>();
        if (consignment == null) {
            return refs;
        }
        if (notBlank(consignment.transportDocumentReference())) {
            refs.add(transportDocument(consignment.transportDocumentReference()));
        }
        if (notBlank(consignment.bookingReference())) {
            refs.add(booking(consignment.bookingReference()));
        }
        consignment.equipmentReferences().stream().filter(References::notBlank).map(References::equipment)
                .forEach(refs::add);
        return refs;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
