package org.originbridge.origin.declaration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.originbridge.origin.declaration.Declaration.BackToBackDetails;
import org.originbridge.origin.declaration.Declaration.Consignment;
import org.originbridge.origin.declaration.Declaration.ExporterDeclaration;
import org.originbridge.origin.declaration.Declaration.GoodsItem;
import org.originbridge.origin.declaration.Declaration.IssuingBodyCertification;
import org.originbridge.origin.declaration.Declaration.Party;
import org.originbridge.origin.declaration.Declaration.ProofOfOriginType;

/** Test-data builder: a valid declaration by default, changed one field at a time. */
final class Declarations {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    ProofOfOriginType documentType = ProofOfOriginType.CERTIFICATE_OF_ORIGIN;
    String referenceNumber = "CO-2026-000123";
    LocalDate issueDate = TODAY.minusDays(10);
    Party exporter = party("Ningbo Oak Furniture Co., Ltd.", "88 Harbour Road, Ningbo, CN");
    /** The exporter's country (the exporting Party), set on {@link #exporter} when built. */
    String exporterCountry = "CN";
    Party producer = null;
    Party importer = party("Saigon Home JSC", "12 Le Loi, District 1, Ho Chi Minh City, VN");
    String destinationCountry = "VN";
    Consignment consignment = consignment("INV-7781", TODAY.minusDays(12), TODAY.minusDays(9), "MSC AURORA 026S",
            "CNSHA", "VNCMT");
    List<GoodsItem> goods = new ArrayList<>(List.of(item()));
    ExporterDeclaration exporterDeclaration = exporterDeclaration("Li Wei", "Ningbo", TODAY.minusDays(11));
    IssuingBodyCertification certification = certification("CCPIT Ningbo", "Zhang Min", true, TODAY.minusDays(10));
    String approvedExporterCode = null;
    BackToBackDetails backToBack = null;

    static GoodsItem item() {
        return goodsItem(1, "Oak dining table", "940360", "CTH", "CN", new BigDecimal("20"), "PCE",
                new BigDecimal("2000.00"), "USD", new BigDecimal("640.5"));
    }

    static Party party(String name, String address) {
        return new Party(name, address, null);
    }

    /** A goods line without a bill of materials; a null currency with an amount is the empty currency. */
    static GoodsItem goodsItem(int itemNumber, String description, String hsCode, String originCriterion,
            String originCountry, BigDecimal quantity, String quantityUnit, BigDecimal fob, String fobCurrency,
            BigDecimal grossWeightKg) {
        return new GoodsItem(itemNumber, description, hsCode, originCriterion, originCountry, quantity, quantityUnit,
                grossWeightKg, fob == null ? null : new Declaration.Money(fob, fobCurrency == null ? "" : fobCurrency),
                null);
    }

    static Consignment consignment(String invoiceNumber, LocalDate invoiceDate, LocalDate departureDate,
            String vesselOrFlight, String portOfLoading, String portOfDischarge) {
        return new Consignment(invoiceNumber, invoiceDate, departureDate, vesselOrFlight, null, portOfLoading,
                portOfDischarge, null, null, List.of());
    }

    static ExporterDeclaration exporterDeclaration(String signatoryName, String place, LocalDate date) {
        return new ExporterDeclaration(place, date, signatoryName);
    }

    static IssuingBodyCertification certification(String issuingBody, String signatory, boolean sealed,
            LocalDate date) {
        return new IssuingBodyCertification(issuingBody, signatory, sealed ? "SEAL-0001" : null, date);
    }

    static Declarations co() {
        return new Declarations();
    }

    static Declarations declarationOfOrigin() {
        Declarations d = new Declarations();
        d.documentType = ProofOfOriginType.DECLARATION_OF_ORIGIN;
        d.certification = null;
        d.approvedExporterCode = "CNAE-330200-0042";
        return d;
    }

    Declarations backToBack() {
        backToBack = new BackToBackDetails("VN-CO-2026-555", TODAY.minusDays(40), "VN", null);
        return this;
    }

    Declaration build() {
        Party exporterIn = exporter == null ? null
                : new Party(exporter.name(), exporter.address(), exporterCountry, exporter.identifier());
        return new Declaration("D-1", "SUP-1", documentType, referenceNumber, issueDate, exporterIn, producer, importer,
                destinationCountry, goods, consignment, exporterDeclaration, certification, approvedExporterCode,
                backToBack, null);
    }
}
