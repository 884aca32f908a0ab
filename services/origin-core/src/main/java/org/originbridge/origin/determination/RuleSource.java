package org.originbridge.origin.determination;

/**
 * Where the applied rule came from: the request, or a rule table row.
 *
 * @param kind       REQUEST or TABLE
 * @param hsPrefix   the table row's HS prefix (2, 4 or 6 digits); null for REQUEST
 * @param provenance the table row's provenance; null for REQUEST
 */
public record RuleSource(Kind kind, String hsPrefix, String provenance) {
    public enum Kind { REQUEST, TABLE }

    public static RuleSource request() {
        return new RuleSource(Kind.REQUEST, null, null);
    }

    public static RuleSource table(String hsPrefix, String provenance) {
        return new RuleSource(Kind.TABLE, hsPrefix, provenance);
    }

    /** {@code REQUEST} or {@code TABLE:<provenance>}. */
    public String label() {
        return kind == Kind.REQUEST ? "REQUEST" : "TABLE:" + provenance;
    }
}
