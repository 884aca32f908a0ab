package org.originbridge.intake.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.originbridge.origin.bom.BomLibrary;
import org.originbridge.origin.bom.ExchangeRates;
import org.originbridge.origin.bom.SupplierDeclaration;
import org.originbridge.origin.rule.HsEdition;

/**
 * Where the ERP data an exporter or the operator loads is kept: bills of materials (per exporter tenant), supplier
 * declarations (per exporter tenant), the exchange-rate table and the versions of the rule tables (operator).
 * Every save is idempotent: saving the same upload again changes nothing but its time.
 */
public interface ErpStore {

    /** One stored BOM upload: the text as uploaded (re-read by the same reader when used). */
    record BomUpload(String uploadId, String supplierId, String rootMaterial, BomFormat format, String currency,
                     String text, List<String> parents, int lines, Instant uploadedAt) {
        public BomUpload {
            parents = List.copyOf(parents);
        }
    }

    /** One stored rule table version (the CSV text as loaded). */
    record RuleTableVersion(String agreement, HsEdition edition, int version, String source, String text,
                            boolean sample, int rows, Instant loadedAt) {
    }

    void saveBom(BomUpload upload);

    /** The newest upload of {@code supplierId} that holds a BOM of {@code material}. */
    Optional<BomUpload> latestBomOf(String supplierId, String material);

    void saveSupplierDeclarations(String supplierId, List<SupplierDeclaration> declarations);

    List<SupplierDeclaration> supplierDeclarations(String supplierId, String material);

    void saveRates(List<ExchangeRates.Rate> rates);

    /** The rates dated within {@code from..to} (both inclusive). */
    List<ExchangeRates.Rate> rates(LocalDate from, LocalDate to);

    /** Stores {@code table} as the next version of its agreement and edition; returns the version number. */
    int addRuleTable(RuleTableVersion table);

    /** The most recently loaded rule table version of {@code agreement} (any edition). */
    Optional<RuleTableVersion> latestRuleTable(String agreement);

    /** Kept for a per-tenant library built from this store. */
    default BomLibrary library(String supplierId, java.util.function.Function<BomUpload, BomLibrary> read) {
        return material -> latestBomOf(supplierId, material).flatMap(u -> read.apply(u).assembly(material));
    }
}
