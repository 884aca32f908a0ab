package org.originbridge.sandbox.issuing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The issued certificate as an XML document (UN/CEFACT Certificate of Origin vocabulary, simplified): what a
 * sandbox issuing authority serves at {@code .../certificate}. Deterministic for a given certificate (no
 * generation time inside), so its SHA-256 is stable across downloads.
 */
public final class CertificateXml {

    private CertificateXml() {}

    /** What goes on the certificate. */
    public record Certificate(String issuingAuthority, String certificateNumber, String serialNumber,
            String verificationCode, Instant issuedAt, String declarationId, String exporterReference,
            AnnexContent.Trader exporter, AnnexContent.Trader producer, AnnexContent.Trader consignee,
            String importingCountry, AnnexContent.Transport transport, List<AnnexContent.Item> goods, String remarks) {}

    /** The certificate's XML; {@link Amendments} may amend it first (the sandbox's documented test trigger). */
    public static byte[] render(Certificate applied) {
        Certificate c = Amendments.apply(applied);
        StringBuilder x = new StringBuilder(2048);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<CertificateOfOrigin xmlns=\"urn:originbridge:sandbox:rcep-co:1\" agreement=\"RCEP\">\n");
        element(x, 1, "IssuingAuthority", c.issuingAuthority());
        element(x, 1, "CertificateNumber", c.certificateNumber());
        element(x, 1, "SerialNumber", c.serialNumber());
        element(x, 1, "VerificationCode", c.verificationCode());
        element(x, 1, "IssueDateTime", c.issuedAt() == null ? null : c.issuedAt().toString());
        element(x, 1, "ExporterReference", c.exporterReference());
        element(x, 1, "DeclarationId", c.declarationId());
        party(x, "Exporter", c.exporter());
        party(x, "Producer", c.producer());
        party(x, "Consignee", c.consignee());
        element(x, 1, "ImportCountry", c.importingCountry());
        AnnexContent.Transport t = c.transport();
        if (t != null) {
            x.append("  <Consignment>\n");
            element(x, 2, "InvoiceNumber", t.invoiceNumber());
            element(x, 2, "InvoiceDate", t.invoiceDate());
            element(x, 2, "DepartureDate", t.departureDate());
            element(x, 2, "VesselOrFlight", t.vesselOrFlight());
            element(x, 2, "VoyageNumber", t.voyageNumber());
            element(x, 2, "LoadingBaseport", t.portOfLoading());
            element(x, 2, "UnloadingBaseport", t.portOfDischarge());
            x.append("  </Consignment>\n");
        }
        if (c.goods() != null) {
            for (AnnexContent.Item item : c.goods()) {
                x.append("  <Item number=\"").append(item.itemNumber()).append("\">\n");
                element(x, 2, "Description", item.description());
                element(x, 2, "HarmonisedTariffCode", item.hsCode());
                element(x, 2, "OriginCriterion", item.originCriterion());
                element(x, 2, "OriginCountry", item.originCountry());
                element(x, 2, "Quantity", item.quantity() == null ? null : item.quantity().toPlainString()
                        + (item.quantityUnit() == null ? "" : " " + item.quantityUnit()));
                element(x, 2, "GrossWeightKg", item.grossWeightKg() == null ? null : item.grossWeightKg().toPlainString());
                element(x, 2, "FobValue", item.fobValue() == null ? null
                        : item.fobValue().amount().toPlainString() + " " + item.fobValue().currency());
                x.append("  </Item>\n");
            }
        }
        element(x, 1, "Remarks", c.remarks());
        x.append("</CertificateOfOrigin>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void party(StringBuilder x, String name, AnnexContent.Trader t) {
        if (t == null) {
            return;
        }
        x.append("  <").append(name).append(">\n");
        element(x, 2, "Name", t.name());
        element(x, 2, "Address", t.address());
        element(x, 2, "Country", t.country());
        x.append("  </").append(name).append(">\n");
    }

    private static void element(StringBuilder x, int depth, String name, String value) {
        if (value == null) {
            return;
        }
        x.append("  ".repeat(depth)).append('<').append(name).append('>').append(escape(value)).append("</").append(name)
                .append(">\n");
    }

    /** XML text content: markup characters escaped, characters XML 1.0 forbids dropped. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF)) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
