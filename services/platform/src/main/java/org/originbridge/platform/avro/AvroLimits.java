package org.originbridge.platform.avro;

import java.util.Map;

/**
 * Avro 1.12's decoding limits ({@code org.apache.avro.limits.*}, read once when Avro's
 * {@code SystemLimitException} class initialises): a record claiming a huge string, byte array or
 * collection is refused by the decoder (a deserialization failure, dead-lettered) instead of allocating it.
 * Set on the JVM command line next to the trust property (pom's {@code test.jvm.args}, the
 * spring-boot plugin's {@code jvmArguments}, {@code bin/originbridge}, the Dockerfile) and, for JVMs
 * started otherwise, by {@link #apply()} from the same static initialiser that registers Avro trust.
 * A value already given on the command line wins.
 */
public final class AvroLimits {

    /** Longest string: far above any field's own limit (1,000 characters of free text), far below the heap. */
    public static final int MAX_STRING_LENGTH = 262_144;
    /** Longest byte array: our only bytes are decimal(18, s), 8 bytes at most. */
    public static final int MAX_BYTES_LENGTH = 1_024;
    /** Most items in one array or map: well above every list limit (500 goods items, 500 materials each), so an
     * oversized list is rejected by screening with a reason, yet a claimed 2^31 items is never allocated. */
    public static final int MAX_COLLECTION_ITEMS = 100_000;

    public static final Map<String, String> PROPERTIES = Map.of(
            "org.apache.avro.limits.string.maxLength", Integer.toString(MAX_STRING_LENGTH),
            "org.apache.avro.limits.bytes.maxLength", Integer.toString(MAX_BYTES_LENGTH),
            "org.apache.avro.limits.collectionItems.maxLength", Integer.toString(MAX_COLLECTION_ITEMS));

    private AvroLimits() {
    }

    /** Sets each limit not already set; effective only before Avro's first decode in this JVM. */
    public static void apply() {
        PROPERTIES.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }
}
