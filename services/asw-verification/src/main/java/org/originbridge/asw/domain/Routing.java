package org.originbridge.asw.domain;

import java.util.Optional;
import java.util.Set;

/**
 * Which destination customs channel verifies a proof of origin, by importing Party (the one place
 * of this rule):
 * <ul>
 *   <li>an ASEAN Member State (BN KH ID LA MY MM PH SG TH VN): the ASEAN Single Window, addressed to
 *       that Member State's national single window: channel {@code ASW-<ISO2>} (e.g. {@code ASW-MY});</li>
 *   <li>Japan, Korea, Australia, New Zealand, China: their own customs verification channel,
 *       {@code <ISO2>-CUSTOMS} (e.g. {@code JP-CUSTOMS});</li>
 *   <li>anything else is not an RCEP Party: no channel ({@link Route.None} with the reason).</li>
 * </ul>
 * Whether a channel is configured in this deployment is the {@link VerificationChannels}' business.
 */
public final class Routing {

    public static final Set<String> ASEAN = Set.of("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN");
    public static final Set<String> PARTNERS = Set.of("JP", "KR", "AU", "NZ", "CN");

    /** Where a declaration goes. */
    public sealed interface Route permits Channel, None {}

    /** A channel id such as ASW-MY or JP-CUSTOMS. */
    public record Channel(String id) implements Route {}

    /** No channel: why. */
    public record None(String reason) implements Route {}

    private Routing() {
    }

    public static Route route(String destinationCountry) {
        String d = destinationCountry == null ? "" : destinationCountry.trim();
        if (ASEAN.contains(d)) {
            return new Channel("ASW-" + d);
        }
        if (PARTNERS.contains(d)) {
            return new Channel(d + "-CUSTOMS");
        }
        return new None("destination " + (d.isEmpty() ? "(none)" : d)
                + " is not an RCEP Party: no destination customs channel verifies RCEP proofs of origin");
    }

    /** The importing Party of a channel id, if it is one of ours. */
    public static Optional<String> party(String channelId) {
        if (channelId == null) {
            return Optional.empty();
        }
        if (channelId.startsWith("ASW-") && ASEAN.contains(channelId.substring(4))) {
            return Optional.of(channelId.substring(4));
        }
        if (channelId.endsWith("-CUSTOMS") && PARTNERS.contains(channelId.substring(0, channelId.length() - 8))) {
            return Optional.of(channelId.substring(0, channelId.length() - 8));
        }
        return Optional.empty();
    }
}
