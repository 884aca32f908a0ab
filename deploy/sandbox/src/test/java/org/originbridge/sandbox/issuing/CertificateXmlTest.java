package org.originbridge.sandbox.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateXmlTest {

    @Test
    void markupInTheApplicationIsEscapedAndForbiddenCharactersDropped() {
        byte[] xml = CertificateXml.render(new CertificateXml.Certificate("VN-MOIT", "RCEP-VN-26-01-000001", "S1", "CODE",
                Instant.parse("2026-11-20T08:00:00Z"), "D1", "R&D <1>",
                new AnnexContent.Trader("A \"quoted\" </Name><Injected>", null, "VN"), null, null, "JP", null,
                List.of(new AnnexContent.Item(1, "shoes\u0000\u0007 & laces", "640399", "WO", "VN", java.math.BigDecimal.ONE,
                        "PR", null, null)), null));
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("<ExporterReference>R&amp;D &lt;1&gt;</ExporterReference>")
                .contains("<Name>A &quot;quoted&quot; &lt;/Name&gt;&lt;Injected&gt;</Name>")
                .contains("<Description>shoes &amp; laces</Description>")
                .doesNotContain("<Injected>").doesNotContain("\u0000");
    }
}
