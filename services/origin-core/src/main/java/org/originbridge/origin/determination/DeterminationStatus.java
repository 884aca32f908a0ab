package org.originbridge.origin.determination;

/**
 * The answer for one good.
 * <ul>
 *   <li>{@code ORIGINATING}: Art 3.2 (a), (b) or (c) is met.</li>
 *   <li>{@code NOT_ORIGINATING}: the evidence given shows that none is met.</li>
 *   <li>{@code NOT_DETERMINED}: the rule needs evidence the request does not give (a change in tariff
 *       classification or a value content cannot be judged without a bill of materials), and neither WO nor PE is
 *       shown; the reasons say what is missing.</li>
 * </ul>
 */
public enum DeterminationStatus {
    ORIGINATING, NOT_ORIGINATING, NOT_DETERMINED
}
