package org.originbridge.intake.domain;

import org.originbridge.origin.declaration.Declaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one rule of declaration ownership (issue 6): a declaration belongs to the exporter tenant
 * named by its supplierId; its declaration id and its reference number are owned by the first
 * tenant that used them, and another tenant re-using either is refused without changing anything
 * that tenant owns. Both the HTTP submission and the topic listener apply it.
 */
public final class TenantOwnership {

    private final DeclarationOwnership store;

    public TenantOwnership(DeclarationOwnership store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Claims the declaration's id and reference number for its tenant (its supplierId).
     *
     * @throws OwnershipConflict when another tenant owns either; nothing is claimed then
     */
    public void claim(Declaration declaration) {
        String tenant = declaration.supplierId();
        List<Identifier> identifiers = identifiers(declaration);
        for (Identifier id : identifiers) {
            Optional<String> owner = store.owner(id.kind(), id.value());
            if (owner.isPresent() && !owner.get().equals(tenant)) {
                throw new OwnershipConflict(id.kind(), id.value());
            }
        }
        for (Identifier id : identifiers) {
            String owner = store.claim(id.kind(), id.value(), tenant);
            if (!owner.equals(tenant)) {
                throw new OwnershipConflict(id.kind(), id.value());
            }
        }
    }

    private static List<Identifier> identifiers(Declaration d) {
        List<Identifier> ids = new ArrayList<>();
        ids.add(new Identifier(DeclarationOwnership.Kind.DECLARATION_ID, d.declarationId()));
        if (d.referenceNumber() != null && !d.referenceNumber().isBlank()) {
            ids.add(new Identifier(DeclarationOwnership.Kind.REFERENCE_NUMBER, d.referenceNumber()));
        }
        return ids;
    }

    private record Identifier(DeclarationOwnership.Kind kind, String value) {
    }

    /** The identifier belongs to another tenant. The message names the field, never the owner. */
    public static final class OwnershipConflict extends RuntimeException {

        private final String field;

        OwnershipConflict(DeclarationOwnership.Kind kind, String value) {
            super((kind == DeclarationOwnership.Kind.DECLARATION_ID ? "declarationId" : "referenceNumber")
                    + " is already used by another exporter");
            this.field = kind == DeclarationOwnership.Kind.DECLARATION_ID ? "declarationId" : "referenceNumber";
        }

        public String field() {
            return field;
        }
    }
}
