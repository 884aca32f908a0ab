package org.originbridge.platform.avro;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate classes it does not trust, including our generated events.
 * The system property {@code org.apache.avro.SERIALIZABLE_PACKAGES} is read once, so it is set
 * on the JVM command line and, for JVMs where that is not possible (tests), this registers the
 * event package with Avro's global validator before any record is built. It also applies
 * {@link AvroLimits} (decoding size limits), which have the same "read once" constraint.
 */
public final class AvroTrust {

    public static final String EVENTS_PACKAGE = "org.originbridge.events";

    private static boolean registered;

    private AvroTrust() {
    }

    public static synchronized void trustEventPackages() {
        AvroLimits.apply(); // same moment: before any Avro use
        if (registered) {
            return;
        }
        ClassSecurityValidator.ClassSecurityPredicate events =
                type -> type.getName().startsWith(EVENTS_PACKAGE + ".");
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), events));
        registered = true;
    }
}
