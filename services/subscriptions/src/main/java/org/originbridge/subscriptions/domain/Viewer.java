package org.originbridge.subscriptions.domain;

import java.util.Set;

/**
 * Who looks at events (built from the access token by the HTTP adapter, snapshotted on a
 * subscription): an operator sees all; exporters and providers the events of their tenants;
 * an importer the e-CO events (verification, issuance) of declarations addressed to its party;
 * a procurement platform every score. Events a viewer may not see are unknown to it (404, never 403).
 */
public record Viewer(boolean all, Set<String> tenants, String importerId, boolean scores) {

    public Viewer {
        tenants = tenants == null ? Set.of() : Set.copyOf(tenants);
    }

    public static Viewer operator() {
        return new Viewer(true, Set.of(), null, true);
    }

    public boolean sees(EventType type, String tenant, String importer) {
        if (all || (tenant != null && tenants.contains(tenant))) {
            return true;
        }
        return switch (type.audience()) {
            case EXPORTER -> false;
            case ECO -> importerId != null && importerId.equals(importer);
            case SCORE -> scores;
        };
    }

    public boolean sees(StoredEvent e) {
        return sees(e.type(), e.tenant(), e.importer());
    }

    /** May receive this type at all (a subscription listing a type its owner never sees is refused). */
    public boolean mayReceive(EventType type) {
        if (all || !tenants.isEmpty()) {
            return true;
        }
        return switch (type.audience()) {
            case EXPORTER -> false;
            case ECO -> importerId != null;
            case SCORE -> scores;
        };
    }
}
