package org.originbridge.subscriptions.adapter.http;

import java.util.Set;

import org.originbridge.platform.security.Caller;
import org.originbridge.subscriptions.domain.Viewer;

/** The token's caller as a {@link Viewer}: the same scoping rules as status-query (docs/security.md). */
final class Viewers {

    private Viewers() {
    }

    static Viewer of(Caller caller) {
        if (caller.isOperator()) {
            return Viewer.operator();
        }
        Set<String> tenants = caller.role() == Caller.Role.EXPORTER || caller.role() == Caller.Role.PROVIDER
                ? caller.tenants() : Set.of();
        String importer = caller.role() == Caller.Role.IMPORTER ? caller.importerId() : null;
        boolean scores = caller.role() == Caller.Role.PROCUREMENT && caller.scopes().contains("scores.read");
        return new Viewer(false, tenants, importer, scores);
    }
}
