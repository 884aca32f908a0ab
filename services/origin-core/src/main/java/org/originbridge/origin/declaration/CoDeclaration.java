package org.originbridge.origin.declaration;

import java.time.LocalDate;
import java.util.List;

/**
 * An RCEP proof of origin (Certificate of Origin or Declaration of Origin) with every Annex 3B field, as
 * declared. Codes and amounts are kept as given so that {@link DeclarationValidator} can report every
 * problem at once; nothing here is assumed valid until validated.
 *
 * @param proofType            CO or Declaration of Origin
 * @param referenceNumber      (e) CO reference number, or the Declaration of Origin's unique reference number
 * @param issueDate            date of issue (CO) or of the declaration (DO)
 * @param exporter             (a) exporter name and address
 * @param producer             (b) producer name and address, if known (may be null)
 * @param importer             (c) importer or consignee name and address
 * @param exportingParty       RCEP Party of export (ISO alpha-2)
 * @param importingParty       RCEP Party of destination (ISO alpha-2)
 * @param consignment          (j) consignment details
 * @param goods                (d), (f), (i), (k), (l) per goods line
 * @param exporterDeclaration  (g) declaration by the exporter or producer
 * @param certification        (h) issuing-body certification: required for a CO (may be null for a DO)
 * @param approvedExporterCode approved exporter code: required for a DO
 * @param backToBack           (m) back-to-back data, null when not back-to-back
 */
public record CoDeclaration(ProofType proofType, String referenceNumber, LocalDate issueDate, Trader exporter,
                            Trader producer, Trader importer, String exportingParty, String importingParty,
                            Consignment consignment, List<GoodsItem> goods, ExporterDeclaration exporterDeclaration,
                            IssuingBodyCertification certification, String approvedExporterCode,
                            BackToBack backToBack) {

    public CoDeclaration {
        goods = goods == null ? List.of() : List.copyOf(goods);
    }

    public boolean isBackToBack() {
        return backToBack != null;
    }
}
