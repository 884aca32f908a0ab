package org.originbridge.ccpit.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.originbridge.ccpit.domain.CoApplication;
import org.originbridge.ccpit.domain.EcoRequest;
import org.originbridge.events.common.Money;
import org.originbridge.events.common.Party;
import org.originbridge.events.intake.BackToBackDetails;
import org.originbridge.events.intake.Consignment;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.intake.ExporterDeclaration;
import org.originbridge.events.intake.GoodsItem;
import org.originbridge.events.intake.OriginPreCheck;
import org.originbridge.events.intake.PreCheckStatus;
import org.originbridge.events.intake.ProofOfOriginType;
import org.originbridge.platform.errors.InvalidRecordException;

class DeclarationMapperTest {

    static DeclarationAccepted accepted(DeclarationSubmitted d) {
        return DeclarationAccepted.newBuilder().setDeclarationId(d.getDeclarationId()).setSupplierId(d.getSupplierId())
                .setAcceptedAt(Instant.parse("2026-11-20T08:00:00Z")).setDeclaration(d)
                .setOriginPreCheck(OriginPreCheck.newBuilder().setStatus(PreCheckStatus.PERFORMED).build()).build();
    }

    static DeclarationSubmitted.Builder vietnameseCo() {
        return DeclarationSubmitted.newBuilder().setDeclarationId("D-VN").setSupplierId("SUP-HCM-FOOTWEAR")
                .setDocumentType(ProofOfOriginType.CERTIFICATE_OF_ORIGIN).setReferenceNumber("RCEP-VN-2026-0001")
                .setExporter(Party.newBuilder().setName("Saigon Footwear JSC").setAddress("12 Nguyen Hue").setCountry(" vn ").build())
                .setProducer(Party.newBuilder().setName("Binh Duong Shoes").setAddress("Thu Dau Mot").setCountry("VN").build())
                .setImporter(Party.newBuilder().setName("Osaka Denki K.K.").setAddress("Osaka").setCountry("JP")
                        .setIdentifier("JP-OSAKA-DENKI").build())
                .setDestinationCountry("JP")
                .setConsignment(Consignment.newBuilder().setInvoiceNumber("INV-9").setInvoiceDate(LocalDate.parse("2026-11-18"))
                        .setDepartureDate(LocalDate.parse("2026-11-20")).setVesselOrFlight("MAERSK CAI MEP")
                        .setVoyageNumber("112N").setPortOfLoading("VNCMT").setPortOfDischarge("JPOSA").build())
                .setGoods(List.of(GoodsItem.newBuilder().setItemNumber(1).setDescription("Leather sports shoes")
                        .setHsCode(" 640399 ").setOriginCriterion("RVC40").setOriginCountry("VN")
                        .setQuantity(new BigDecimal("2400.000")).setQuantityUnit("PR").setGrossWeightKg(new BigDecimal("1800.000"))
                        .setFobValue(Money.newBuilder().setAmount(new BigDecimal("38400.00")).setCurrency("USD").build()).build()))
                .setExporterDeclaration(ExporterDeclaration.newBuilder().setPlace("Ho Chi Minh City")
                        .setDate(LocalDate.parse("2026-11-19")).setSignatoryName("Nguyen Van An").build())
                .setSubmittedAt(Instant.parse("2026-11-20T07:00:00Z"));
    }

    @Test
    void theFullAnnex3bContentGoesIntoTheApplicationAndTheExportersCountryIntoTheRoute() {
        EcoRequest r = DeclarationMapper.toRequest(accepted(vietnameseCo().build()));

        assertThat(r.exportingParty()).isEqualTo("VN");
        assertThat(r.importerId()).isEqualTo("JP-OSAKA-DENKI");
        CoApplication a = r.application();
        assertThat(a.referenceNumber()).isEqualTo("RCEP-VN-2026-0001");
        assertThat(a.exporter()).isEqualTo(new CoApplication.Trader("Saigon Footwear JSC", "12 Nguyen Hue", " vn "));
        assertThat(a.producer().name()).isEqualTo("Binh Duong Shoes");
        assertThat(a.consignee()).isEqualTo(new CoApplication.Trader("Osaka Denki K.K.", "Osaka", "JP"));
        assertThat(a.importingCountry()).isEqualTo("JP");
        assertThat(a.transport()).isEqualTo(new CoApplication.Transport("INV-9", LocalDate.parse("2026-11-18"),
                LocalDate.parse("2026-11-20"), "MAERSK CAI MEP", "112N", "VNCMT", "JPOSA"));
        assertThat(a.goods()).containsExactly(new CoApplication.Item(1, "Leather sports shoes", "640399", "RVC40", "VN",
                new BigDecimal("2400.000"), "PR", new BigDecimal("1800.000"), new BigDecimal("38400.00"), "USD"));
        assertThat(a.declarant()).isEqualTo(new CoApplication.Declarant("Ho Chi Minh City", LocalDate.parse("2026-11-19"),
                "Nguyen Van An"));
        assertThat(a.remarks()).isNull();
        assertThat(r.missingFields()).isEmpty();
    }

    @Test
    void aBackToBackCoNamesItsOriginalProofInTheRemarks() {
        EcoRequest r = DeclarationMapper.toRequest(accepted(vietnameseCo().setBackToBack(BackToBackDetails.newBuilder()
                .setOriginalProofReference("RCEP-CN-2026-77").setOriginalIssueDate(LocalDate.parse("2026-10-01"))
                .setFirstExportingPartyCountry("CN").build()).build()));
        assertThat(r.application().remarks())
                .isEqualTo("back-to-back CO; original proof of origin RCEP-CN-2026-77 issued 2026-10-01 in CN");
    }

    @Test
    void noExporterCountryMeansNoRouteAndATenantOtherThanTheSupplierIsBadData() {
        EcoRequest r = DeclarationMapper.toRequest(accepted(vietnameseCo()
                .setExporter(Party.newBuilder().setName("Saigon Footwear JSC").build()).build()));
        assertThat(r.exportingParty()).isNull();

        DeclarationAccepted foreign = DeclarationAccepted.newBuilder(accepted(vietnameseCo().build()))
                .setTenantId("SUP-SOMEONE-ELSE").build();
        assertThatThrownBy(() -> DeclarationMapper.toRequest(foreign)).isInstanceOf(InvalidRecordException.class);
    }
}
