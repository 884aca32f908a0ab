package org.originbridge.status.domain;

import java.util.Set;

/**
 * Who reads, as far as the read model cares (built from the access token by the HTTP adapter):
 * an operator reads everything; exporters and providers the declarations of their tenants
 * (a declaration's tenant is its supplierId); an importer the e-COs addressed to its importer id.
 * Anything a reader may not see is reported as unknown (no existence oracle).
 */
public record Reader(boolean all, Set<String> tenants, String importerId) {

    public Reader {
        tenants = tenants == null ? Set.of() : Set.copyOf(tenants);
    }

    public static Reader operator() {
        return new Reader(true, Set.of(), null);
    }

    public static Reader tenants(Set<String> tenants) {
        return new Reader(false, tenants, null);
    }

    public static Reader importer(String importerId) {
        return new Reader(false, Set.of(), importerId);
    }

    /** May see this declaration's status. */
    public boolean reads(DeclarationProjection p) {
        return all || (p.supplierId() != null && tenants.contains(p.supplierId()));
    }

    /** May retrieve this declaration's e-CO: its tenants, or the importer it is addressed to. */
    public boolean readsEco(DeclarationProjection p) {
        return reads(p) || (importerId != null && p.declaration() != null && p.declaration().importer() != null
                && importerId.equals(p.declaration().importer().identifier()));
    }
}
