package org.originbridge.origin.determination;

/** The RVC formula the exporter chose (Art 3.5). */
public enum RvcMethod {
    /** Indirect: (FOB - VNM) / FOB x 100. */
    BUILD_DOWN,
    /** Direct: (VOM + direct labour + direct overhead + profit + other costs) / FOB x 100. */
    BUILD_UP
}
