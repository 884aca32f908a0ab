package org.originbridge.intake.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.originbridge.origin.bom.BomLimits;
import org.originbridge.origin.bom.BomRollUp;
import org.originbridge.origin.bom.ExchangeRates;
import org.originbridge.origin.determination.Material;
import org.originbridge.origin.determination.OriginDeterminer;
import org.originbridge.origin.declaration.Declaration;

/**
 * The ERP evidence the origin pre-check rolls up for one declaration: the exporter's stored bills of materials and
 * supplier declarations (its tenant only), and the operator's exchange rates, on the declaration's relevant date.
 */
public interface ErpEvidence {

    /** No stored evidence: materials keep the origin the declaration states. */
    ErpEvidence NONE = (declaration, determiner, materials, currency) -> Optional.empty();

    /**
     * {@code materials} of one of {@code declaration}'s goods items (values in {@code currency}) with their origins
     * resolved from the evidence on the declaration's relevant date; empty when there is no evidence to roll up.
     */
    Optional<BomRollUp.Result> resolve(Declaration declaration, OriginDeterminer determiner, List<Material> materials,
                                       Currency currency);

    /**
     * The relevant date of a declaration: its invoice date, else its issue date, else today. Supplier declarations
     * must cover it; exchange rates are the latest on or before it.
     */
    static LocalDate relevantDate(Declaration declaration, Clock clock) {
        if (declaration.consignment() != null && declaration.consignment().invoiceDate() != null) {
            return declaration.consignment().invoiceDate();
        }
        return declaration.issueDate() != null ? declaration.issueDate() : LocalDate.now(clock);
    }

    /** Evidence from {@code store}. */
    static ErpEvidence stored(ErpStore store, ErpImports imports, Clock clock, BomLimits limits) {
        Objects.requireNonNull(store, "store");
        return (declaration, determiner, materials, currency) -> {
            LocalDate date = relevantDate(declaration, clock);
            String tenant = declaration.supplierId();
            ExchangeRates rates = ExchangeRates.of(store.rates(date.minusDays(ExchangeRates.MAX_AGE_DAYS), date));
            return Optional.of(new BomRollUp(determiner, imports.library(tenant),
                    material -> store.supplierDeclarations(tenant, material), rates, limits)
                    .resolve(materials, currency, date));
        };
    }
}
