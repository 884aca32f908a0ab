package org.originbridge.sandbox.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmendmentsTest {

    static CertificateXml.Certificate certificate(String reference) {
        return new CertificateXml.Certificate("CN-CCPIT", "CCPIT-1", "S1", "CODE", Instant.parse("2026-11-20T08:00:00Z"), "D1",
                reference, new AnnexContent.Trader("Ningbo", null, "CN"), null, null, "MY", null,
                List.of(new AnnexContent.Item(1, "adapter", "8504.40", "RVC", "CN", BigDecimal.ONE, "PCE", null, null),
                        new AnnexContent.Item(2, "cable", "854442", "CTH", "CN", BigDecimal.TEN, "PCE", null, null)),
                null);
    }

    @Test
    void aReferenceCarryingTheTriggerIsIssuedWithTheLastItemsHsCodeAmended() {
        String xml = new String(CertificateXml.render(certificate("RCEP-CN-2026-7-amend-hs")), StandardCharsets.UTF_8);
        assertThat(xml).contains("<HarmonisedTariffCode>8504.40</HarmonisedTariffCode>")
                .contains("<HarmonisedTariffCode>854490</HarmonisedTariffCode>")
                .doesNotContain("854442");
    }

    @Test
    void anyOtherReferenceIsIssuedAsAppliedFor() {
        String xml = new String(CertificateXml.render(certificate("RCEP-CN-2026-7")), StandardCharsets.UTF_8);
        assertThat(xml).contains("<HarmonisedTariffCode>854442</HarmonisedTariffCode>");
        assertThat(Amendments.amended("123490")).isEqualTo("123410");
        assertThat(Amendments.amended(null)).isNull();
        CertificateXml.Certificate noGoods = new CertificateXml.Certificate("CN-CCPIT", "C", null, null, null, null,
                "X-AMEND-HS", null, null, null, null, null, null, null);
        assertThat(Amendments.apply(noGoods)).isSameAs(noGoods);
    }
}
