package org.originbridge.asw;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.originbridge.asw.domain.Declaration;
import org.originbridge.events.common.Money;
import org.originbridge.events.common.Party;
import org.originbridge.events.intake.Consignment;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.intake.IssuingBodyCertification;
import org.originbridge.testsupport.AvroBuilders;

/** Shared test data: one certificate of origin from China to Malaysia, as Avro (on test-support's AvroBuilders) and as domain. */
public final class TestDeclarations {

    public static final LocalDate ISSUE_DATE = LocalDate.of(2026, 11, 20);

    private TestDeclarations() {}

    public static Declaration declaration(String declarationId, String coReferenceNumber) {
        return new Declaration(declarationId, "SUP-1", "CERTIFICATE_OF_ORIGIN", coReferenceNumber, ISSUE_DATE,
                new Declaration.Party("Shenzhen Widgets Co.", "1 Industrial Rd, Shenzhen", "CN"),
                null,
                new Declaration.Party("KL Imports Sdn Bhd", "Jalan 1, Kuala Lumpur", "MY"),
                "MY",
                List.of(new Declaration.Item(1, "Power transformers", "850440", "CTH", "CN", new BigDecimal("100.000"), "PCE",
                        new BigDecimal("250.500"), new BigDecimal("12000.00"), "USD")),
                new Declaration.Shipment("INV-1", LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 21), "MAERSK KAMPALA",
                        "2411W", "CNYSA", "MYPKG", "TRD-1"),
                null,
                "CCPIT Shenzhen");
    }

    /**
     * The declaration as intake accepts it: test-support's {@link AvroBuilders} record with this test data's values
     * (the same content as {@link #declaration}, so its document hash is the domain's).
     */
    public static DeclarationAccepted accepted(String declarationId, String coReferenceNumber, String exporterName,
            String importingCountry) {
        DeclarationSubmitted submitted = AvroBuilders.declarationSubmitted(declarationId)
                .setSupplierId("SUP-1")
                .setReferenceNumber(coReferenceNumber)
                .setIssueDate(ISSUE_DATE)
                .setExporter(party(exporterName, "1 Industrial Rd, Shenzhen", "CN"))
                .setProducer(null)
                .setImporter(party("KL Imports Sdn Bhd", "Jalan 1, Kuala Lumpur", importingCountry))
                .setDestinationCountry(importingCountry)
                .setGoods(List.of(AvroBuilders.goodsItem(1)
                        .setDescription("Power transformers")
                        .setHsCode("850440")
                        .setQuantity(new BigDecimal("100.000"))
                        .setGrossWeightKg(new BigDecimal("250.500"))
                        .setFobValue(Money.newBuilder().setAmount(new BigDecimal("12000.00")).setCurrency("USD").build())
                        .build()))
                .setConsignment(Consignment.newBuilder()
                        .setInvoiceNumber("INV-1")
                        .setInvoiceDate(LocalDate.of(2026, 11, 18))
                        .setDepartureDate(LocalDate.of(2026, 11, 21))
                        .setVesselOrFlight("MAERSK KAMPALA")
                        .setVoyageNumber("2411W")
                        .setPortOfLoading("CNYSA")
                        .setPortOfDischarge("MYPKG")
                        .setTransportDocumentReference("TRD-1")
                        .build())
                .setExporterDeclaration(null)
                .setCertification(IssuingBodyCertification.newBuilder().setIssuingBody("CCPIT Shenzhen").build())
                .setSubmittedAt(Instant.parse("2026-11-21T08:00:00Z"))
                .build();
        return AvroBuilders.declarationAccepted(submitted)
                .setAcceptedAt(Instant.parse("2026-11-21T08:00:01Z"))
                .build();
    }

    /** The ISSUED status ccpit-sync publishes once the declaration's certificate is issued. */
    public static org.originbridge.events.ccpit.IssuanceStatusChanged issued(String declarationId, String certificateNumber,
            String issuingAuthority) {
        DeclarationSubmitted declaration = AvroBuilders.declarationSubmitted(declarationId).setSupplierId("SUP-1").build();
        return AvroBuilders.issuanceStatusChanged(declaration, org.originbridge.events.ccpit.IssuanceStatus.ISSUED, 3)
                .setCertificateNumber(certificateNumber)
                .setIssuingAuthority(issuingAuthority)
                .setDocumentSha256("e".repeat(64))
                .setChangedAt(Instant.parse("2026-11-21T08:10:00Z"))
                .build();
    }

    /** The REVOKED status of an issued certificate. */
    public static org.originbridge.events.ccpit.IssuanceStatusChanged revoked(String declarationId, String certificateNumber) {
        return org.originbridge.events.ccpit.IssuanceStatusChanged.newBuilder(issued(declarationId, certificateNumber, "CN-CCPIT"))
                .setStatus(org.originbridge.events.ccpit.IssuanceStatus.REVOKED)
                .setPreviousStatus(org.originbridge.events.ccpit.IssuanceStatus.ISSUED)
                .setSequence(4)
                .setReason("withdrawn by the exporter")
                .build();
    }

    /** The same accepted declaration going from an exporter in {@code exportingCountry}. */
    public static DeclarationAccepted acceptedFrom(String declarationId, String exportingCountry, String importingCountry) {
        DeclarationAccepted a = accepted(declarationId, "CO-" + declarationId, "Exporter " + exportingCountry, importingCountry);
        return DeclarationAccepted.newBuilder(a).setDeclaration(DeclarationSubmitted.newBuilder(a.getDeclaration())
                .setExporter(party("Exporter " + exportingCountry, "1 Export Rd", exportingCountry)).build()).build();
    }

    private static Party party(String name, String address, String country) {
        return Party.newBuilder().setName(name).setAddress(address).setCountry(country).build();
    }
}
