package org.originbridge.intake.domain;

/**
 * Problem codes intake adds to origin-core's {@link org.originbridge.origin.ErrorCodes}. Stable: clients may
 * branch on them.
 */
public final class IntakeErrorCodes {

    /** The bill of materials shows the good is not originating under its rule, yet origin is claimed. */
    public static final String ORIGIN_NOT_SUPPORTED = "ORIGIN_NOT_SUPPORTED";
    /** The bill of materials lacks the evidence the rule needs (e.g. no materials for a CTC or RVC rule). */
    public static final String ORIGIN_NOT_DETERMINED = "ORIGIN_NOT_DETERMINED";
    /** The good is originating, but not through the criterion claimed (e.g. claims CTH, only RVC40 is met). */
    public static final String CRITERION_NOT_MET = "CRITERION_NOT_MET";
    /** A field the origin pre-check needs is missing (e.g. the FOB value of an item with a bill of materials). */
    public static final String REQUIRED_FOR_PRE_CHECK = "REQUIRED_FOR_PRE_CHECK";

    private IntakeErrorCodes() {
    }
}
