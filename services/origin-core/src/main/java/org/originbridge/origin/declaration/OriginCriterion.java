package org.originbridge.origin.declaration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.InputLimits;
import org.originbridge.origin.code.InvalidCodeException;

/**
 * The origin conferring criterion on a proof of origin (Annex 3B (f)), e.g. {@code WO}, {@code PE}, {@code CTH},
 * {@code RVC40}, {@code CTH ACU}. Criteria: WO, PE, CC, CTH, CTSH, CTC, RVC or RVCnn, CR, PSR; markers: ACU
 * (accumulation), DMI (de minimis). Separators: spaces, commas, '+', '/', 'and', 'or'.
 */
public record OriginCriterion(List<String> criteria, boolean accumulation, boolean deMinimis) {
    private static final Set<String> CRITERIA = Set.of("WO", "PE", "CC", "CTH", "CTSH", "CTC", "RVC", "CR", "PSR");

    public OriginCriterion {
        criteria = List.copyOf(criteria);
    }

    public static OriginCriterion parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCodeException(ErrorCodes.REQUIRED, "origin criterion is missing");
        }
        List<String> criteria = new ArrayList<>();
        boolean acu = false;
        boolean dmi = false;
        for (String raw : text.strip().split("[\\s,+/]+")) {
            String token = raw.toUpperCase(Locale.ROOT);
            if (token.isEmpty() || token.equals("AND") || token.equals("OR")) {
                continue;
            }
            if (token.equals("ACU")) {
                acu = true;
            } else if (token.equals("DMI")) {
                dmi = true;
            } else if (CRITERIA.contains(token) || token.matches("RVC\\d{1,3}")) {
                criteria.add(token);
            } else {
                throw new InvalidCodeException(ErrorCodes.INVALID_FORMAT, "origin criterion " + InputLimits.shown(text)
                        + " contains unknown token " + InputLimits.shown(raw) + " (expected WO, PE, CC, CTH, CTSH, CTC, RVC, RVCnn, CR, "
                        + "PSR, optionally with ACU or DMI)");
            }
        }
        if (criteria.isEmpty()) {
            throw new InvalidCodeException(ErrorCodes.INVALID_FORMAT,
                    "origin criterion " + InputLimits.shown(text) + " names no criterion (only markers ACU/DMI)");
        }
        return new OriginCriterion(criteria, acu, dmi);
    }

    /** Whether a regional value content criterion is claimed (so the FOB value is required, Annex 3B (k)). */
    public boolean claimsRvc() {
        return criteria.stream().anyMatch(c -> c.startsWith("RVC"));
    }
}
