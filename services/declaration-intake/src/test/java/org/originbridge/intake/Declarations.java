package org.originbridge.intake;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.originbridge.origin.declaration.Declaration;
import org.originbridge.origin.declaration.Declaration.BillOfMaterials;
import org.originbridge.origin.declaration.Declaration.GoodsItem;
import org.originbridge.origin.declaration.Declaration.BomMaterial;
import org.originbridge.origin.declaration.Declaration.MaterialOrigin;

import tools.jackson.databind.json.JsonMapper;

/**
 * Test data: a valid RCEP Certificate of Origin (CN -> JP, USB-C power adapters, HS 8504.40) that
 * every test bends in the one way it cares about, plus bills of materials whose determination is known.
 * Dates are relative to {@link #TODAY}, so the proof of origin is always within its one-year validity.
 */
public final class Declarations {

    public static final Clock CLOCK = Clock.fixed(Instant.now(), ZoneOffset.UTC);
    public static final LocalDate TODAY = LocalDate.now(CLOCK);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Declarations() {
    }

    /** A complete, valid Certificate of Origin with one goods item claiming CTH and no bill of materials. */
    public static Builder certificateOfOrigin() {
        return new Builder();
    }

    /** The goods item of {@link #certificateOfOrigin()}: HS 850440, claims CTH, FOB 100.00 USD. */
    public static ItemBuilder item() {
        return new ItemBuilder();
    }

    /**
     * A BOM under rule {@code CTH or RVC40} meeting both alternatives for FOB 100.00: non-originating
     * transistors of heading 8541 (30.00) change heading; RVC = 70%.
     */
    public static BillOfMaterials bomMeetingCthAndRvc() {
        return bom("CTH or RVC40", nonOriginating("GAN-FET", "854129", "30.00"), originating("PCB", "853400", "20.00"));
    }

    /**
     * A BOM under {@code CTH or RVC40} meeting neither for FOB 100.00: non-originating parts of the
     * product's own heading 8504 worth 70.00 fail CTH (de minimis 70% > 10%) and RVC = 30%.
     */
    public static BillOfMaterials bomMeetingNeither() {
        return bom("CTH or RVC40", nonOriginating("XFMR", "850490", "70.00"), originating("PCB", "853400", "10.00"));
    }

    /**
     * A BOM under {@code CTH or RVC40} meeting only RVC40 for FOB 100.00: non-originating parts of heading
     * 8504 worth 20.00 fail CTH (de minimis 20% > 10%), RVC = 80%.
     */
    public static BillOfMaterials bomMeetingOnlyRvc() {
        return bom("CTH or RVC40", nonOriginating("XFMR", "850490", "20.00"), originating("PCB", "853400", "10.00"));
    }

    public static BillOfMaterials bom(String rule, BomMaterial... materials) {
        return new BillOfMaterials(Declaration.RvcMethod.BUILD_DOWN, new BigDecimal("0.310"), rule, null, false,
                Arrays.asList(materials));
    }

    public static BomMaterial originating(String id, String hsCode, String value) {
        return new BomMaterial(id, "material " + id, hsCode, new BigDecimal(value), null, MaterialOrigin.ORIGINATING,
                "CN", null, false);
    }

    public static BomMaterial nonOriginating(String id, String hsCode, String value) {
        return new BomMaterial(id, "material " + id, hsCode, new BigDecimal(value), null, MaterialOrigin.NON_ORIGINATING,
                "US", null, false);
    }

    /** The declaration as the JSON body of POST /api/v1/declarations (decimals as strings). */
    public static String json(Declaration d) {
        return JSON.writeValueAsString(jsonTree(d));
    }

    /** The JSON body as maps and lists, to bend a field into something unreadable. */
    public static Map<String, Object> jsonTree(Declaration d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("declarationId", d.declarationId());
        m.put("supplierId", d.supplierId());
        m.put("documentType", d.documentType().name());
        m.put("referenceNumber", d.referenceNumber());
        m.put("issueDate", str(d.issueDate()));
        m.put("exporter", party(d.exporter()));
        m.put("producer", party(d.producer()));
        m.put("importer", party(d.importer()));
        m.put("destinationCountry", d.destinationCountry());
        List<Object> goods = new ArrayList<>();
        for (GoodsItem g : d.goods()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("itemNumber", g.itemNumber());
            i.put("description", g.description());
            i.put("hsCode", g.hsCode());
            i.put("originCriterion", g.originCriterion());
            i.put("originCountry", g.originCountry());
            i.put("quantity", str(g.quantity()));
            i.put("quantityUnit", g.quantityUnit());
            i.put("grossWeightKg", str(g.grossWeightKg()));
            if (g.fobValue() != null) {
                i.put("fobValue", map("amount", str(g.fobValue().amount()), "currency", g.fobValue().currency()));
            }
            BillOfMaterials b = g.billOfMaterials();
            if (b != null) {
                List<Object> materials = new ArrayList<>();
                for (BomMaterial x : b.materials()) {
                    Map<String, Object> mm = new LinkedHashMap<>();
                    mm.put("materialId", x.materialId());
                    mm.put("description", x.description());
                    mm.put("hsCode", x.hsCode());
                    mm.put("value", str(x.value()));
                    mm.put("netWeightKg", str(x.netWeightKg()));
                    mm.put("origin", x.origin().name());
                    mm.put("originCountry", x.originCountry());
                    mm.put("deductibleCosts", str(x.deductibleCosts()));
                    mm.put("indirect", x.indirect());
                    materials.add(mm);
                }
                Map<String, Object> bm = new LinkedHashMap<>();
                bm.put("rvcMethod", b.rvcMethod().name());
                bm.put("productNetWeightKg", str(b.productNetWeightKg()));
                bm.put("rule", b.rule());
                bm.put("minimalOperationsOnly", b.minimalOperationsOnly());
                bm.put("materials", materials);
                i.put("billOfMaterials", bm);
            }
            goods.add(i);
        }
        m.put("goods", goods);
        Declaration.Consignment c = d.consignment();
        if (c != null) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("invoiceNumber", c.invoiceNumber());
            cm.put("invoiceDate", str(c.invoiceDate()));
            cm.put("departureDate", str(c.departureDate()));
            cm.put("vesselOrFlight", c.vesselOrFlight());
            cm.put("voyageNumber", c.voyageNumber());
            cm.put("portOfLoading", c.portOfLoading());
            cm.put("portOfDischarge", c.portOfDischarge());
            cm.put("transportDocumentReference", c.transportDocumentReference());
            cm.put("bookingReference", c.bookingReference());
            cm.put("equipmentReferences", c.equipmentReferences());
            m.put("consignment", cm);
        }
        if (d.exporterDeclaration() != null) {
            m.put("exporterDeclaration", map("place", d.exporterDeclaration().place(),
                    "date", str(d.exporterDeclaration().date()), "signatoryName", d.exporterDeclaration().signatoryName()));
        }
        if (d.certification() != null) {
            Declaration.IssuingBodyCertification x = d.certification();
            m.put("certification", map("issuingBody", x.issuingBody(), "authorisedSignatory", x.authorisedSignatory(),
                    "officialSealReference", x.officialSealReference(), "certificationDate", str(x.certificationDate())));
        }
        m.put("approvedExporterCode", d.approvedExporterCode());
        return m;
    }

    private static Map<String, Object> party(Declaration.Party p) {
        return p == null ? null : map("name", p.name(), "address", p.address(), "country", p.country());
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String str(Object o) {
        return o == null ? null : o instanceof BigDecimal b ? b.toPlainString() : o.toString();
    }

    /** Builds a {@link Declaration}; starts valid. */
    public static final class Builder {
        private String declarationId = "DECL-" + UUID.randomUUID();
        private String supplierId = "SUP-SZ-POWERTECH";
        private Declaration.ProofOfOriginType documentType = Declaration.ProofOfOriginType.CERTIFICATE_OF_ORIGIN;
        private String referenceNumber = "RCEP-CN-2026-000101";
        private LocalDate issueDate = TODAY.minusDays(2);
        private Declaration.Party exporter = new Declaration.Party("Shenzhen PowerTech Electronics Co., Ltd.",
                "88 Keji Road, Nanshan, Shenzhen", "CN");
        private Declaration.Party producer = null;
        private Declaration.Party importer = new Declaration.Party("Osaka Denki Trading K.K.", "2-4-1 Umeda, Osaka", "JP");
        private String destinationCountry = "JP";
        private List<GoodsItem> goods = List.of(item().build());
        private Declaration.Consignment consignment = new Declaration.Consignment("PT-INV-2026-1187", TODAY.minusDays(4),
                TODAY.plusDays(2), "MAERSK KOWLOON", "447E", "CNSZX", "JPOSA", "MAEU260000101", "BKG-SZX-0101",
                List.of("MSKU1234565"));
        private Declaration.ExporterDeclaration exporterDeclaration = new Declaration.ExporterDeclaration("Shenzhen",
                TODAY.minusDays(3), "Li Wei");
        private Declaration.IssuingBodyCertification certification = new Declaration.IssuingBodyCertification("CCPIT Shenzhen", "Zhang Min",
                "CCPIT-SZ-SEAL-07", TODAY.minusDays(2));
        private String approvedExporterCode = null;
        private Declaration.BackToBackDetails backToBack = null;
        private Instant submittedAt = null;

        public Builder id(String id) {
            this.declarationId = id;
            return this;
        }

        public Builder supplierId(String id) {
            this.supplierId = id;
            return this;
        }

        public Builder documentType(Declaration.ProofOfOriginType type) {
            this.documentType = type;
            return this;
        }

        public Builder referenceNumber(String reference) {
            this.referenceNumber = reference;
            return this;
        }

        public Builder issueDate(LocalDate date) {
            this.issueDate = date;
            return this;
        }

        public Builder exporter(Declaration.Party party) {
            this.exporter = party;
            return this;
        }

        public Builder producer(Declaration.Party party) {
            this.producer = party;
            return this;
        }

        public Builder importer(Declaration.Party party) {
            this.importer = party;
            return this;
        }

        public Builder destinationCountry(String country) {
            this.destinationCountry = country;
            return this;
        }

        public Builder goods(GoodsItem... items) {
            this.goods = Arrays.asList(items);
            return this;
        }

        public Builder consignment(Declaration.Consignment c) {
            this.consignment = c;
            return this;
        }

        public Builder exporterDeclaration(Declaration.ExporterDeclaration statement) {
            this.exporterDeclaration = statement;
            return this;
        }

        public Builder certification(Declaration.IssuingBodyCertification c) {
            this.certification = c;
            return this;
        }

        public Builder approvedExporterCode(String code) {
            this.approvedExporterCode = code;
            return this;
        }

        public Builder backToBack(Declaration.BackToBackDetails b) {
            this.backToBack = b;
            return this;
        }

        public Builder submittedAt(Instant at) {
            this.submittedAt = at;
            return this;
        }

        public Declaration build() {
            return new Declaration(declarationId, supplierId, documentType, referenceNumber, issueDate, exporter,
                    producer, importer, destinationCountry, goods, consignment, exporterDeclaration, certification,
                    approvedExporterCode, backToBack, submittedAt);
        }
    }

    /** Builds a goods item; starts valid. */
    public static final class ItemBuilder {
        private int itemNumber = 1;
        private String description = "USB-C power adapters, 65 W (static converters)";
        private String hsCode = "850440";
        private String originCriterion = "CTH";
        private String originCountry = "CN";
        private BigDecimal quantity = new BigDecimal("5000.000");
        private String quantityUnit = "PCE";
        private BigDecimal grossWeightKg = new BigDecimal("1850.500");
        private Declaration.Money fobValue = new Declaration.Money(new BigDecimal("100.00"), "USD");
        private BillOfMaterials billOfMaterials = null;

        public ItemBuilder number(int n) {
            this.itemNumber = n;
            return this;
        }

        public ItemBuilder description(String d) {
            this.description = d;
            return this;
        }

        public ItemBuilder hsCode(String hs) {
            this.hsCode = hs;
            return this;
        }

        public ItemBuilder criterion(String c) {
            this.originCriterion = c;
            return this;
        }

        public ItemBuilder originCountry(String c) {
            this.originCountry = c;
            return this;
        }

        public ItemBuilder quantity(String q, String unit) {
            this.quantity = q == null ? null : new BigDecimal(q);
            this.quantityUnit = unit;
            return this;
        }

        public ItemBuilder fob(String amount, String currency) {
            this.fobValue = amount == null ? null : new Declaration.Money(new BigDecimal(amount), currency);
            return this;
        }

        public ItemBuilder bom(BillOfMaterials bom) {
            this.billOfMaterials = bom;
            return this;
        }

        public GoodsItem build() {
            return new GoodsItem(itemNumber, description, hsCode, originCriterion, originCountry, quantity, quantityUnit,
                    grossWeightKg, fobValue, billOfMaterials);
        }
    }
}
