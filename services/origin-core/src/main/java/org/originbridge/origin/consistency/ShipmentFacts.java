package org.originbridge.origin.consistency;

import java.time.LocalDate;
import java.util.List;

/**
 * What a proof of origin says about one shipment, as far as the consistency report compares it: the
 * declaration as the exporter declared it, or the certificate as the issuing authority issued it
 * (the same shape on both sides, so every rule compares like with like). Values are kept as text,
 * as each source gave them; the rules normalise them. Any field may be null (not given).
 *
 * @param importingParty the importing Party (ISO alpha-2), the declaration's destination
 */
public record ShipmentFacts(
        Trader exporter,
        Trader importer,
        String importingParty,
        List<Item> goods,
        String invoiceNumber,
        LocalDate invoiceDate,
        LocalDate departureDate,
        String vesselOrFlight,
        String voyageNumber,
        String portOfLoading,
        String portOfDischarge) {

    public ShipmentFacts {
        goods = goods == null ? List.of() : goods.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** A trader's name and country (ISO alpha-2). */
    public record Trader(String name, String country) {
    }

    /**
     * One goods item; {@code quantity} and {@code fobAmount} are decimal text ("1200", "1200.00").
     */
    public record Item(Integer itemNumber, String description, String hsCode, String originCriterion,
            String quantity, String quantityUnit, String fobAmount, String fobCurrency) {
    }
}
