package org.originbridge.asw.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.originbridge.asw.TestDeclarations;

class CanonicalContentTest {

    @Test
    void theCanonicalFormIsSortedCompactJsonWithoutInternalData() {
        String json = CanonicalContent.json(TestDeclarations.declaration("DECL-1", "CO-1"));

        assertThat(json).isEqualTo("{\"consignment\":{\"departureDate\":\"2026-11-21\",\"invoiceDate\":\"2026-11-18\","
                + "\"invoiceNumber\":\"INV-1\",\"portOfDischarge\":\"MYPKG\",\"portOfLoading\":\"CNYSA\","
                + "\"transportDocumentReference\":\"TRD-1\",\"vesselOrFlight\":\"MAERSK KAMPALA\",\"voyageNumber\":\"2411W\"},"
                + "\"documentType\":\"CERTIFICATE_OF_ORIGIN\","
                + "\"exporter\":{\"address\":\"1 Industrial Rd, Shenzhen\",\"country\":\"CN\",\"name\":\"Shenzhen Widgets Co.\"},"
                + "\"goods\":[{\"description\":\"Power transformers\",\"fobAmount\":\"12000\",\"fobCurrency\":\"USD\","
                + "\"grossWeightKg\":\"250.5\",\"hsCode\":\"850440\",\"itemNumber\":1,\"originCountry\":\"CN\","
                + "\"originCriterion\":\"CTH\",\"quantity\":\"100\",\"quantityUnit\":\"PCE\"}],"
                + "\"importer\":{\"address\":\"Jalan 1, Kuala Lumpur\",\"country\":\"MY\",\"name\":\"KL Imports Sdn Bhd\"},"
                + "\"importingCountry\":\"MY\",\"issueDate\":\"2026-11-20\",\"issuingBody\":\"CCPIT Shenzhen\","
                + "\"referenceNumber\":\"CO-1\"}");
        assertThat(json).doesNotContain("SUP-1").doesNotContain("DECL-1");
        assertThat(CanonicalContent.documentHash(TestDeclarations.declaration("DECL-1", "CO-1")))
                .isEqualTo(CanonicalContent.sha256Hex(json))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void theHashIgnoresScaleAndItemOrderButNotContent() {
        Declaration base = TestDeclarations.declaration("DECL-1", "CO-1");
        Declaration.Item item = base.goods().get(0);
        Declaration.Item second = new Declaration.Item(2, "Cables", "854449", "RVC40", "CN", null, null, null, null, null);
        Declaration.Item rescaled = new Declaration.Item(1, item.description(), item.hsCode(), item.originCriterion(),
                item.originCountry(), new BigDecimal("100"), item.quantityUnit(), new BigDecimal("250.50"),
                new BigDecimal("12000.0"), item.fobCurrency());

        assertThat(hash(withGoods(base, List.of(item, second)))).isEqualTo(hash(withGoods(base, List.of(second, rescaled))));
        assertThat(hash(TestDeclarations.declaration("DECL-2", "CO-1"))).isEqualTo(hash(base));
        assertThat(hash(TestDeclarations.declaration("DECL-1", "CO-2"))).isNotEqualTo(hash(base));
        Declaration.Item changed = new Declaration.Item(1, item.description(), "850441", item.originCriterion(),
                item.originCountry(), item.quantity(), item.quantityUnit(), item.grossWeightKg(), item.fobAmount(), item.fobCurrency());
        assertThat(hash(withGoods(base, List.of(changed)))).isNotEqualTo(hash(base));
    }

    @Test
    void stringsAreEscaped() {
        Declaration base = TestDeclarations.declaration("DECL-1", "CO-\"1\"\n");
        assertThat(CanonicalContent.json(base)).contains("\"referenceNumber\":\"CO-\\\"1\\\"\\n\"");
    }

    private static String hash(Declaration d) {
        return CanonicalContent.documentHash(d);
    }

    private static Declaration withGoods(Declaration d, List<Declaration.Item> goods) {
        return new Declaration(d.declarationId(), d.supplierId(), d.documentType(), d.referenceNumber(), d.issueDate(),
                d.exporter(), d.producer(), d.importer(), d.destinationCountry(), goods, d.consignment(),
                d.approvedExporterCode(), d.issuingBody());
    }
}
