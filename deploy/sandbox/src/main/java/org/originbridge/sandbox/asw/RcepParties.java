package org.originbridge.sandbox.asw;

import java.util.Set;

/** The 15 RCEP Parties by ISO 3166-1 alpha-2 code (10 ASEAN Member States + 5 partners). */
public final class RcepParties {

    public static final Set<String> CODES = Set.of(
            "BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", // ASEAN
            "AU", "CN", "JP", "NZ", "KR");

    private RcepParties() {}

    public static boolean isParty(String iso2) {
        return iso2 != null && CODES.contains(iso2);
    }
}
