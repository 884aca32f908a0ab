package org.originbridge.status.adapter.http;

import java.util.Set;

import org.originbridge.platform.security.Caller;
import org.originbridge.status.domain.Reader;

/** The access token's caller as a reader of the read model (docs/security.md). */
public final class Readers {

    private Readers() {
    }

    public static Reader of(Caller caller) {
        return switch (caller.role()) {
            case OPERATOR -> Reader.operator();
            case EXPORTER, PROVIDER -> Reader.tenants(caller.tenants());
            case IMPORTER -> caller.importerId() == null ? Reader.tenants(Set.of()) : Reader.importer(caller.importerId());
            default -> Reader.tenants(Set.of());
        };
    }
}
