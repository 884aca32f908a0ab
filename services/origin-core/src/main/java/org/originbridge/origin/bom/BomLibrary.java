package org.originbridge.origin.bom;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Where the roll-up finds a material's own bill of materials (one exporter's uploads, or one upload). */
@FunctionalInterface
public interface BomLibrary {
    BomLibrary NONE = material -> Optional.empty();

    /** {@code material}'s bill of materials, when one is known. */
    Optional<Assembly> assembly(String material);

    /** This library, then {@code other} for materials this one does not know. */
    default BomLibrary orElse(BomLibrary other) {
        return material -> assembly(material).or(() -> other.assembly(material));
    }

    /**
     * An assembly's component lines and, when the upload shows it (a multi-level export lists the assembly as a
     * line of its parent), the assembly's own value for the same quantity its lines are for; null otherwise.
     */
    record Assembly(List<BomLine> lines, BigDecimal value, Currency currency) {
        public Assembly {
            lines = List.copyOf(lines);
        }
    }
}
