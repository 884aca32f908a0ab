package org.originbridge.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.originbridge.events.common.Money;
import org.originbridge.events.common.Party;
import org.originbridge.events.intake.BillOfMaterials;
import org.originbridge.events.intake.BomMaterial;
import org.originbridge.events.intake.Consignment;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.intake.ExporterDeclaration;
import org.originbridge.events.intake.GoodsItem;
import org.originbridge.events.intake.IssuingBodyCertification;
import org.originbridge.events.intake.MaterialOrigin;
import org.originbridge.events.intake.ProofOfOriginType;
import org.originbridge.events.intake.RvcMethod;
import org.originbridge.origin.code.HsCode;
import org.originbridge.origin.declaration.Declaration;
import org.originbridge.origin.determination.BuildUpCosts;
import org.originbridge.origin.determination.DeterminationRequest;
import org.originbridge.origin.determination.Material;

/**
 * Realistic, valid inputs shared by the benchmarks and the pipeline load benchmark: a Chinese exporter
 * of computer units (HS 8471.50, rule "CTSH or RVC40") shipping to Japan, each goods item carrying a bill
 * of materials whose materials are classified outside 8471.50 and are mostly originating, so the
 * declaration passes Annex 3B validation and the origin pre-check (CTSH and RVC both met).
 */
public final class Fixtures {

    /** The product's HS code: 8471 is "CTSH or RVC40" in origin-core's default rule table. */
    public static final String PRODUCT_HS = "847150";
    public static final String RULE_TEXT = "CTSH or RVC40";
    /** Typical rule texts as they appear in Annex 3A and in submitted bills of materials. */
    public static final List<String> RULE_TEXTS = List.of(
            "WO", "CC", "CTH or RVC40", "CTSH or RVC40", "CTH and RVC40", "CR or CTH or RVC40",
            "(CC or CTH) and RVC35");

    /** Real 6-digit subheadings of typical electronics materials, none of them 8471.50. */
    private static final String[] MATERIAL_HS = {
            "854231", "854232", "853400", "850440", "854442", "392690", "732690", "847330", "853321", "853224",
            "854129", "850431", "851830", "854239", "847170", "391990", "761699", "853650", "852352", "850610"};

    private Fixtures() {
    }

    // ---- origin-core inputs ----

    /**
     * {@code count} materials worth 40 % of the FOB value in total, one in four non-originating
     * (build-down RVC about 90 %; every material changes subheading).
     */
    public static List<Material> materials(int count, BigDecimal fobValue) {
        BigDecimal each = fobValue.multiply(new BigDecimal("0.40")).divide(BigDecimal.valueOf(count), 2, java.math.RoundingMode.DOWN);
        List<Material> materials = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            materials.add(new Material("MAT-" + i, "material " + i, HsCode.parse(MATERIAL_HS[i % MATERIAL_HS.length]),
                    each, new BigDecimal("0.010"), origin(i), BigDecimal.ZERO, false));
        }
        return materials;
    }

    private static org.originbridge.origin.determination.MaterialOrigin origin(int i) {
        return i % 4 == 3 ? org.originbridge.origin.determination.MaterialOrigin.NON_ORIGINATING
                : org.originbridge.origin.determination.MaterialOrigin.ORIGINATING;
    }

    /** Build-down request with the rule looked up in the default table (8471 -> CTSH or RVC40). */
    public static DeterminationRequest buildDownRequest(int materialCount) {
        BigDecimal fob = new BigDecimal("10000.00");
        return DeterminationRequest.of(HsCode.parse(PRODUCT_HS), fob,
                org.originbridge.origin.code.Money.parseCurrency("USD"), materials(materialCount, fob));
    }

    /** Build-up request (VOM + labour + overhead + profit + other), rule from the table. */
    public static DeterminationRequest buildUpRequest(int materialCount) {
        return buildDownRequest(materialCount).withBuildUp(BuildUpCosts.of("1500.00", "800.00", "1200.00", "300.00"));
    }

    /** A complete, valid Certificate of Origin with {@code items} goods items, issued today (origin-core's model). */
    public static Declaration declaration(int items, LocalDate today) {
        List<Declaration.GoodsItem> goods = new ArrayList<>(items);
        for (int i = 1; i <= items; i++) {
            goods.add(new Declaration.GoodsItem(i, "Computer storage and processing units, model " + i,
                    PRODUCT_HS, i % 2 == 0 ? "RVC" : "CTSH", "CN", new BigDecimal("500.000"), "PCE",
                    new BigDecimal("1250.500"), new Declaration.Money(new BigDecimal("10000.00"), "USD"), null));
        }
        return new Declaration("BENCH-DECL-1", "BENCH-SUPPLIER", Declaration.ProofOfOriginType.CERTIFICATE_OF_ORIGIN,
                "RCEP-CN-2026-900001", today,
                new Declaration.Party(EXPORTER_NAME, EXPORTER_ADDRESS, "CN"),
                new Declaration.Party(EXPORTER_NAME, EXPORTER_ADDRESS, "CN"),
                new Declaration.Party(IMPORTER_NAME, IMPORTER_ADDRESS, "JP"), "JP",
                goods,
                new Declaration.Consignment("SZ-INV-2026-5531", today.minusDays(2), today.plusDays(2),
                        "MAERSK KOWLOON", null, "CNSZX", "JPOSA", null, null, List.of()),
                new Declaration.ExporterDeclaration("Shenzhen", today, "Li Wei"),
                new Declaration.IssuingBodyCertification("CCPIT Shenzhen", "Zhang Min", "CCPIT-SZ-SEAL-07", today),
                null, null, null);
    }

    // ---- Avro: the DeclarationSubmitted event ----

    private static final String EXPORTER_NAME = "Shenzhen PowerTech Electronics Co., Ltd.";
    private static final String EXPORTER_ADDRESS = "88 Keji Road, Nanshan, Shenzhen, Guangdong";
    private static final String IMPORTER_NAME = "Osaka Denki Trading K.K.";
    private static final String IMPORTER_ADDRESS = "2-4-1 Umeda, Kita-ku, Osaka";

    /**
     * A complete {@code DeclarationSubmitted} (Certificate of Origin, CN -> JP) with {@code items} goods
     * items, each with a {@code materialsPerItem}-material bill of materials; dated {@code today} so it
     * passes the one-year validity check.
     */
    public static DeclarationSubmitted declarationSubmitted(String declarationId, int items, int materialsPerItem,
            LocalDate today, Instant submittedAt) {
        List<GoodsItem> goods = new ArrayList<>(items);
        BigDecimal fob = new BigDecimal("10000.00");
        for (int i = 1; i <= items; i++) {
            List<BomMaterial> bom = new ArrayList<>(materialsPerItem);
            for (Material m : materials(materialsPerItem, fob)) {
                bom.add(BomMaterial.newBuilder()
                        .setMaterialId(m.id())
                        .setDescription(m.description())
                        .setHsCode(m.hsCode().code())
                        .setValue(m.value())
                        .setNetWeightKg(m.netWeightKg())
                        .setOrigin(m.countsAsNonOriginating() ? MaterialOrigin.NON_ORIGINATING : MaterialOrigin.ORIGINATING)
                        .setOriginCountry(m.countsAsNonOriginating() ? "US" : "CN")
                        .setDeductibleCosts(null)
                        .setIndirect(false)
                        .build());
            }
            goods.add(GoodsItem.newBuilder()
                    .setItemNumber(i)
                    .setDescription("Computer storage and processing units, model " + i)
                    .setHsCode(PRODUCT_HS)
                    .setOriginCriterion(i % 2 == 0 ? "RVC" : "CTSH")
                    .setOriginCountry("CN")
                    .setQuantity(new BigDecimal("500.000"))
                    .setQuantityUnit("PCE")
                    .setGrossWeightKg(new BigDecimal("1250.500"))
                    .setFobValue(new Money(fob, "USD"))
                    .setBillOfMaterials(BillOfMaterials.newBuilder()
                            .setRvcMethod(RvcMethod.BUILD_DOWN)
                            .setProductNetWeightKg(new BigDecimal("4.500"))
                            .setRule(RULE_TEXT)
                            .setCosts(null)
                            .setMinimalOperationsOnly(false)
                            .setMaterials(bom)
                            .build())
                    .build());
        }
        Party exporter = new Party(EXPORTER_NAME, EXPORTER_ADDRESS, "CN", null);
        return DeclarationSubmitted.newBuilder()
                .setDeclarationId(declarationId)
                .setSupplierId("SUP-SZ-POWERTECH")
                .setDocumentType(ProofOfOriginType.CERTIFICATE_OF_ORIGIN)
                .setReferenceNumber("RCEP-CN-" + declarationId.toUpperCase(Locale.ROOT))
                .setIssueDate(today)
                .setExporter(exporter)
                .setProducer(exporter)
                .setImporter(new Party(IMPORTER_NAME, IMPORTER_ADDRESS, "JP", null))
                .setDestinationCountry("JP")
                .setGoods(goods)
                .setConsignment(Consignment.newBuilder()
                        .setInvoiceNumber("SZ-INV-" + declarationId)
                        .setInvoiceDate(today.minusDays(2))
                        .setDepartureDate(today.plusDays(2))
                        .setVesselOrFlight("MAERSK KOWLOON")
                        .setVoyageNumber("447E")
                        .setPortOfLoading("CNSZX")
                        .setPortOfDischarge("JPOSA")
                        .setTransportDocumentReference("MAEU-" + declarationId)
                        .setBookingReference("BKG-" + declarationId)
                        .setEquipmentReferences(List.of("MSKU1234565"))
                        .build())
                .setExporterDeclaration(new ExporterDeclaration("Shenzhen", today, "Li Wei"))
                .setCertification(new IssuingBodyCertification("CCPIT Shenzhen", "Zhang Min", "CCPIT-SZ-SEAL-07", today))
                .setApprovedExporterCode(null)
                .setBackToBack(null)
                .setSubmittedAt(submittedAt)
                .build();
    }
}
