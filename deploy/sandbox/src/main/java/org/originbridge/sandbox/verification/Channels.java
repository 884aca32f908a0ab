package org.originbridge.sandbox.verification;

import java.util.Set;
import org.originbridge.sandbox.web.NotFoundException;

/** The destination channels the sandbox plays: ASW-&lt;ISO2&gt; per ASEAN Member State, &lt;ISO2&gt;-CUSTOMS per partner. */
public final class Channels {

    public static final Set<String> ASEAN = Set.of("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN");
    public static final Set<String> CUSTOMS_PARTIES = Set.of("JP", "KR", "AU", "NZ", "CN");

    private Channels() {
    }

    /** ASW-&lt;memberState&gt;, or 404 when it is not an ASEAN Member State. */
    public static String nationalSingleWindow(String memberState) {
        if (memberState == null || !ASEAN.contains(memberState)) {
            throw new NotFoundException("no national single window for " + abbreviate(memberState)
                    + " on the ASW: the ASEAN Member States are " + String.join(" ", new java.util.TreeSet<>(ASEAN)));
        }
        return "ASW-" + memberState;
    }

    /** &lt;party&gt;-CUSTOMS, or 404 when the sandbox plays no customs channel for it. */
    public static String customs(String party) {
        if (party == null || !CUSTOMS_PARTIES.contains(party)) {
            throw new NotFoundException("no customs verification channel for " + abbreviate(party)
                    + ": the sandbox plays " + String.join(" ", new java.util.TreeSet<>(CUSTOMS_PARTIES)));
        }
        return party + "-CUSTOMS";
    }

    /** A channel id of either kind, or 404. */
    public static String channel(String id) {
        if (id != null && id.startsWith("ASW-")) {
            return nationalSingleWindow(id.substring(4));
        }
        if (id != null && id.endsWith("-CUSTOMS")) {
            return customs(id.substring(0, id.length() - 8));
        }
        throw new NotFoundException("unknown verification channel " + abbreviate(id));
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "(none)";
        }
        String printable = s.replaceAll("[^A-Za-z0-9 _-]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }
}
