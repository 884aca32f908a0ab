package org.originbridge.origin.determination;

/**
 * Origin status of a material. {@code ORIGINATING} means originating in any RCEP Party (cumulation, Art 3.4),
 * not only in the Party of production. {@code UNDETERMINED} is treated as non-originating (Art 3.5).
 */
public enum MaterialOrigin {
    ORIGINATING, NON_ORIGINATING, UNDETERMINED;

    /** Whether the material counts as non-originating for CTC, PE and VNM. */
    public boolean countsAsNonOriginating() {
        return this != ORIGINATING;
    }
}
