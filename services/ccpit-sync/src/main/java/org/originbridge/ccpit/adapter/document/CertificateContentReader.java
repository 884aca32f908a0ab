package org.originbridge.ccpit.adapter.document;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.originbridge.ccpit.domain.CertificateDocument;
import org.originbridge.events.ccpit.IssuedCertificateContent;
import org.originbridge.events.ccpit.IssuedGoodsItem;
import org.originbridge.events.common.Party;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The one parser of an issued certificate's content: reads the certificate document the issuing authority
 * returned (the XML Certificate of Origin both sandbox authorities serve, namespace
 * {@code urn:originbridge:sandbox:rcep-co:1}, the UN/CEFACT CO vocabulary simplified) into what ccpit-sync
 * publishes as {@code IssuanceStatusChanged.issuedContent}. A PDF, another vocabulary or an unreadable document
 * gives empty: the consistency report then does not compare the certificate (it never falls back to our own copy
 * of the declaration). Hostile documents: DOCTYPEs are refused (no entity expansion, no external entities), text
 * values are cut at {@value #MAX_TEXT} characters and at most {@value #MAX_ITEMS} items are read.
 */
public final class CertificateContentReader {

    static final int MAX_TEXT = 512;
    static final int MAX_ITEMS = 999;
    private static final String ROOT = "CertificateOfOrigin";

    private CertificateContentReader() {
    }

    public static Optional<IssuedCertificateContent> read(CertificateDocument document) {
        if (document == null || !document.contentType().toLowerCase(Locale.ROOT).contains("xml")) {
            return Optional.empty();
        }
        try {
            Element root = parse(document.content()).getDocumentElement();
            if (root == null || !ROOT.equals(root.getLocalName())) {
                return Optional.empty();
            }
            Element consignment = child(root, "Consignment");
            List<IssuedGoodsItem> goods = new ArrayList<>();
            for (Element item : children(root, "Item")) {
                if (goods.size() >= MAX_ITEMS) {
                    break;
                }
                goods.add(item(item));
            }
            return Optional.of(IssuedCertificateContent.newBuilder()
                    .setExporter(party(child(root, "Exporter")))
                    .setImporter(party(child(root, "Consignee")))
                    .setImportingCountry(text(root, "ImportCountry"))
                    .setGoods(goods)
                    .setInvoiceNumber(text(consignment, "InvoiceNumber"))
                    .setInvoiceDate(text(consignment, "InvoiceDate"))
                    .setDepartureDate(text(consignment, "DepartureDate"))
                    .setVesselOrFlight(text(consignment, "VesselOrFlight"))
                    .setVoyageNumber(text(consignment, "VoyageNumber"))
                    .setPortOfLoading(text(consignment, "LoadingBaseport"))
                    .setPortOfDischarge(text(consignment, "UnloadingBaseport"))
                    .build());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static IssuedGoodsItem item(Element item) {
        Integer number = null;
        try {
            number = Integer.valueOf(item.getAttribute("number").strip());
        } catch (NumberFormatException e) {
            // an unnumbered item is compared by its position
        }
        String[] quantity = split(text(item, "Quantity"));
        String[] fob = split(text(item, "FobValue"));
        return IssuedGoodsItem.newBuilder().setItemNumber(number).setDescription(text(item, "Description"))
                .setHsCode(text(item, "HarmonisedTariffCode")).setOriginCriterion(text(item, "OriginCriterion"))
                .setQuantity(quantity[0]).setQuantityUnit(quantity[1]).setFobAmount(fob[0]).setFobCurrency(fob[1]).build();
    }

    /** "1200 PCE" -> [1200, PCE]; "1200" -> [1200, null]. */
    private static String[] split(String value) {
        if (value == null) {
            return new String[] {null, null};
        }
        int space = value.indexOf(' ');
        return space < 0 ? new String[] {value, null}
                : new String[] {value.substring(0, space), value.substring(space + 1).strip()};
    }

    private static Party party(Element e) {
        return e == null ? null : Party.newBuilder().setName(text(e, "Name")).setAddress(text(e, "Address"))
                .setCountry(text(e, "Country")).build();
    }

    private static Document parse(byte[] content) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder builder = f.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(content));
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().strip();
        if (t.isEmpty()) {
            return null;
        }
        return t.length() <= MAX_TEXT ? t : t.substring(0, MAX_TEXT);
    }
}
