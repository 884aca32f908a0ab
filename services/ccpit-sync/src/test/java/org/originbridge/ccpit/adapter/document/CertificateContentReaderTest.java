package org.originbridge.ccpit.adapter.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.originbridge.ccpit.domain.CertificateDocument;
import org.originbridge.events.ccpit.IssuedCertificateContent;

class CertificateContentReaderTest {

    static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <CertificateOfOrigin xmlns="urn:originbridge:sandbox:rcep-co:1" agreement="RCEP">
              <IssuingAuthority>CN-CCPIT</IssuingAuthority>
              <CertificateNumber>CCPIT-RCEP-26-000042</CertificateNumber>
              <Exporter>
                <Name>Ningbo Sunrise Electric Co., Ltd.</Name>
                <Address>1 Harbour Road</Address>
                <Country>CN</Country>
              </Exporter>
              <Consignee>
                <Name>Klang Valley Trading Sdn Bhd</Name>
                <Country>MY</Country>
              </Consignee>
              <ImportCountry>MY</ImportCountry>
              <Consignment>
                <InvoiceNumber>INV-2026-001</InvoiceNumber>
                <InvoiceDate>2026-11-02</InvoiceDate>
                <DepartureDate>2026-11-05</DepartureDate>
                <VesselOrFlight>EVER GIVEN</VesselOrFlight>
                <VoyageNumber>0412W</VoyageNumber>
                <LoadingBaseport>CNSHA</LoadingBaseport>
                <UnloadingBaseport>MYPKG</UnloadingBaseport>
              </Consignment>
              <Item number="1">
                <Description>Power adapter &amp; cable</Description>
                <HarmonisedTariffCode>8504.40</HarmonisedTariffCode>
                <OriginCriterion>RVC</OriginCriterion>
                <Quantity>1200 PCE</Quantity>
                <FobValue>15000.00 USD</FobValue>
              </Item>
              <Item number="x">
                <HarmonisedTariffCode>8544.42</HarmonisedTariffCode>
                <Quantity>5</Quantity>
              </Item>
            </CertificateOfOrigin>
            """;

    static CertificateDocument xml(String text) {
        return new CertificateDocument("application/xml", text.strip().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsWhatTheAuthorityIssued() {
        IssuedCertificateContent c = CertificateContentReader.read(xml(XML)).orElseThrow();
        assertThat(c.getExporter().getName()).isEqualTo("Ningbo Sunrise Electric Co., Ltd.");
        assertThat(c.getExporter().getCountry()).isEqualTo("CN");
        assertThat(c.getImporter().getName()).isEqualTo("Klang Valley Trading Sdn Bhd");
        assertThat(c.getImportingCountry()).isEqualTo("MY");
        assertThat(c.getInvoiceNumber()).isEqualTo("INV-2026-001");
        assertThat(c.getInvoiceDate()).isEqualTo("2026-11-02");
        assertThat(c.getVoyageNumber()).isEqualTo("0412W");
        assertThat(c.getPortOfLoading()).isEqualTo("CNSHA");
        assertThat(c.getPortOfDischarge()).isEqualTo("MYPKG");
        assertThat(c.getGoods()).hasSize(2);
        var first = c.getGoods().get(0);
        assertThat(first.getItemNumber()).isEqualTo(1);
        assertThat(first.getDescription()).isEqualTo("Power adapter & cable");
        assertThat(first.getQuantity()).isEqualTo("1200");
        assertThat(first.getQuantityUnit()).isEqualTo("PCE");
        assertThat(first.getFobAmount()).isEqualTo("15000.00");
        assertThat(first.getFobCurrency()).isEqualTo("USD");
        var second = c.getGoods().get(1);
        assertThat(second.getItemNumber()).isNull();
        assertThat(second.getQuantity()).isEqualTo("5");
        assertThat(second.getQuantityUnit()).isNull();
    }

    @Test
    void aPdfOrAnotherVocabularyOrGarbageIsNotRead() {
        assertThat(CertificateContentReader.read(new CertificateDocument("application/pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
        assertThat(CertificateContentReader.read(xml("<Invoice><Number>1</Number></Invoice>"))).isEmpty();
        assertThat(CertificateContentReader.read(xml("<CertificateOfOrigin><unclosed>"))).isEmpty();
        assertThat(CertificateContentReader.read(null)).isEmpty();
    }

    @Test
    void entitiesAndDoctypesAreRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE CertificateOfOrigin [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <CertificateOfOrigin><Exporter><Name>&x;</Name></Exporter></CertificateOfOrigin>
                """;
        assertThat(CertificateContentReader.read(xml(xxe))).isEmpty();
        String billion = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<CertificateOfOrigin><Exporter><Name>&b;</Name></Exporter></CertificateOfOrigin>";
        assertThat(CertificateContentReader.read(xml(billion))).isEmpty();
    }

    @Test
    void hugeValuesAndManyItemsAreBounded() {
        StringBuilder x = new StringBuilder("<CertificateOfOrigin><Exporter><Name>")
                .append("N".repeat(100_000)).append("</Name></Exporter>");
        for (int i = 0; i < 1500; i++) {
            x.append("<Item number=\"").append(i).append("\"><Quantity>1</Quantity></Item>");
        }
        x.append("</CertificateOfOrigin>");
        IssuedCertificateContent c = CertificateContentReader.read(xml(x.toString())).orElseThrow();
        assertThat(c.getExporter().getName()).hasSize(CertificateContentReader.MAX_TEXT);
        assertThat(c.getGoods()).hasSize(CertificateContentReader.MAX_ITEMS);
    }
}
