package org.originbridge.origin.declaration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Test-data builder: a valid declaration by default, changed one field at a time. */
final class Declarations {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    ProofType proofType = ProofType.CERTIFICATE_OF_ORIGIN;
    String referenceNumber = "CO-2026-000123";
    LocalDate issueDate = TODAY.minusDays(10);
    Trader exporter = new Trader("Ningbo Oak Furniture Co., Ltd.", "88 Harbour Road, Ningbo, CN");
    Trader producer = null;
    Trader importer = new Trader("Saigon Home JSC", "12 Le Loi, District 1, Ho Chi Minh City, VN");
    String exportingParty = "CN";
    String importingParty = "VN";
    Consignment consignment = new Consignment("INV-7781", TODAY.minusDays(12), TODAY.minusDays(9), "MSC AURORA 026S",
            "CNSHA", "VNCMT");
    List<GoodsItem> goods = new ArrayList<>(List.of(item()));
    ExporterDeclaration exporterDeclaration = new ExporterDeclaration("Li Wei", "Ningbo", TODAY.minusDays(11));
    IssuingBodyCertification certification = new IssuingBodyCertification("CCPIT Ningbo", "Zhang Min", true,
            TODAY.minusDays(10));
    String approvedExporterCode = null;
    BackToBack backToBack = null;

    static GoodsItem item() {
        return new GoodsItem(1, "Oak dining table", "940360", "CTH", "CN", new BigDecimal("20"), "PCE",
                new BigDecimal("2000.00"), "USD", new BigDecimal("640.5"));
    }

    static Declarations co() {
        return new Declarations();
    }

    static Declarations declarationOfOrigin() {
        Declarations d = new Declarations();
        d.proofType = ProofType.DECLARATION_OF_ORIGIN;
        d.certification = null;
        d.approvedExporterCode = "CNAE-330200-0042";
        return d;
    }

    Declarations backToBack() {
        backToBack = new BackToBack("VN-CO-2026-555", TODAY.minusDays(40), "VN", null);
        return this;
    }

    CoDeclaration build() {
        return new CoDeclaration(proofType, referenceNumber, issueDate, exporter, producer, importer, exportingParty,
                importingParty, consignment, goods, exporterDeclaration, certification, approvedExporterCode, backToBack);
    }
}
