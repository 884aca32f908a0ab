package org.originbridge.ccpit.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Routing by issuing body: the exporting Party (the exporter's country) picks the authority that issues its
 * Certificates of Origin. A Party without one gets none (the application ends FAILED, never filed elsewhere).
 */
public final class IssuingAuthorities {

    private final Map<String, IssuingAuthority> byParty = new LinkedHashMap<>();
    private final Map<String, IssuingAuthority> byId = new LinkedHashMap<>();

    public IssuingAuthorities(List<IssuingAuthority> authorities) {
        for (IssuingAuthority a : authorities) {
            if (byParty.put(a.party().toUpperCase(Locale.ROOT), a) != null) {
                throw new IllegalArgumentException("two issuing authorities for Party " + a.party());
            }
            if (byId.put(a.id(), a) != null) {
                throw new IllegalArgumentException("issuing authority " + a.id() + " named twice");
            }
        }
    }

    /** The authority of an exporting Party (ISO alpha-2, any case), if one is configured. */
    public Optional<IssuingAuthority> forParty(String party) {
        return party == null ? Optional.empty() : Optional.ofNullable(byParty.get(party.trim().toUpperCase(Locale.ROOT)));
    }

    /** An authority by its id (an application keeps the id of the authority it was filed with). */
    public Optional<IssuingAuthority> byId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** The Parties served, in configuration order. */
    public List<String> parties() {
        return List.copyOf(byParty.keySet());
    }
}
