package org.originbridge.origin.bom;

import java.time.LocalDate;
import java.util.Objects;
import org.originbridge.origin.code.RcepParty;

/**
 * A supplier's declaration about the origin of a material it sells to the exporter (a long-term supplier's
 * declaration): the material is originating in an RCEP Party, or it is not, during a validity period. The
 * determination uses it for a bought-in material only on a date within {@code validFrom..validTo} (both
 * inclusive).
 *
 * @param supplier    the supplier (vendor) that declares
 * @param material    the material number, as the exporter's bill of materials names it
 * @param originating whether the material is originating (in any RCEP Party, Art 3.4)
 * @param party       the RCEP Party of origin; required when originating
 * @param validFrom   first day the declaration covers
 * @param validTo     last day the declaration covers
 */
public record SupplierDeclaration(String supplier, String material, boolean originating, RcepParty party,
                                  LocalDate validFrom, LocalDate validTo) {
    public SupplierDeclaration {
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        if (originating && party == null) {
            throw new IllegalArgumentException("an originating material needs its RCEP Party");
        }
        if (validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("validTo is before validFrom");
        }
    }

    /** Whether it covers {@code date}. */
    public boolean coversDate(LocalDate date) {
        return !date.isBefore(validFrom) && !date.isAfter(validTo);
    }

    /** e.g. {@code supplier ACME declares ORIGINATING in CN, valid 2026-01-01..2026-12-31}. */
    public String describe() {
        return "supplier " + supplier + " declares " + (originating ? "originating in " + party.name() : "non-originating")
                + ", valid " + validFrom + ".." + validTo;
    }
}
