package org.originbridge.ccpit.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The e-CO application sent to the issuing authority, generated from the accepted declaration: the full RCEP
 * Annex 3B content except (h), the certification, which is what the authority returns when it issues the CO.
 *
 * @param referenceNumber  (e) the exporter's CO reference number
 * @param exporter         (a) exporter name, address, country (the exporting Party)
 * @param producer         (b) producer, if known (null otherwise)
 * @param consignee        (c) importer or consignee
 * @param importingCountry the importing Party (ISO alpha-2)
 * @param transport        (j) consignment details (null when the declaration gave none)
 * @param goods            (d) (f) (i) (k) (l) one line per goods item
 * @param declarant        (g) the exporter's or producer's declaration (null when absent)
 * @param remarks          free text for the authority (a back-to-back CO's original proof), null when none
 */
public record CoApplication(String referenceNumber, Trader exporter, Trader producer, Trader consignee,
        String importingCountry, Transport transport, List<Item> goods, Declarant declarant, String remarks) {

    public CoApplication {
        goods = goods == null ? List.of() : List.copyOf(goods);
    }

    /** (a) (b) (c): a trading party. */
    public record Trader(String name, String address, String country) {
    }

    /** (j): invoice and consignment details. */
    public record Transport(String invoiceNumber, LocalDate invoiceDate, LocalDate departureDate, String vesselOrFlight,
            String voyageNumber, String portOfLoading, String portOfDischarge) {
    }

    /** (d) description and 6-digit HS code, (f) criterion, (i) country of origin, (l) quantity, (k) FOB value. */
    public record Item(int itemNumber, String description, String hsCode, String originCriterion, String originCountry,
            BigDecimal quantity, String quantityUnit, BigDecimal grossWeightKg, BigDecimal fobAmount, String fobCurrency) {

        boolean usesRvc() {
            return originCriterion != null && originCriterion.trim().toUpperCase(Locale.ROOT).startsWith("RVC");
        }
    }

    /** (g): the declaration by the exporter or producer. */
    public record Declarant(String place, LocalDate date, String signatoryName) {
    }

    /** The goods' HS codes, distinct, in order. */
    public List<String> hsCodes() {
        return goods.stream().map(Item::hsCode).filter(Objects::nonNull).map(String::trim).filter(s -> !s.isEmpty())
                .distinct().toList();
    }

    public String exporterName() {
        return exporter == null ? null : exporter.name();
    }

    /**
     * What every issuing authority needs and this application lacks, as the declaration's field paths (empty when
     * complete). Intake validates accepted declarations fully; this guards against records from older producers.
     */
    public List<String> missingFields() {
        List<String> missing = new ArrayList<>();
        if (blank(referenceNumber)) {
            missing.add("referenceNumber");
        }
        if (exporter == null || blank(exporter.name())) {
            missing.add("exporter.name");
        }
        if (blank(importingCountry)) {
            missing.add("destinationCountry");
        }
        if (goods.isEmpty()) {
            missing.add("goods");
        }
        for (int i = 0; i < goods.size(); i++) {
            Item item = goods.get(i);
            if (blank(item.description())) {
                missing.add("goods[" + i + "].description");
            }
            if (blank(item.hsCode())) {
                missing.add("goods[" + i + "].hsCode");
            }
            if (blank(item.originCriterion())) {
                missing.add("goods[" + i + "].originCriterion");
            }
            if (item.quantity() == null) {
                missing.add("goods[" + i + "].quantity");
            }
            if (item.usesRvc() && item.fobAmount() == null) {
                missing.add("goods[" + i + "].fobValue");
            }
        }
        return missing;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
