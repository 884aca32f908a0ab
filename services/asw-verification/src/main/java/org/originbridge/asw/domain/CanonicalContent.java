package org.originbridge.asw.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical content of a proof of origin and its hash: the single definition every party
 * (ASW, a verifier on the website) can recompute.
 *
 * <p>Content: the fields printed on the document (Annex 3B): document type, reference number,
 * issue date, exporter, producer, importer (name, address, country), importing country, each goods
 * item (number, description, HS code, origin criterion, origin country, quantity and unit, gross
 * weight, FOB amount and currency) in item-number order, the consignment (invoice number and date,
 * departure date, vessel/flight, voyage, ports of loading and discharge, transport document), the
 * approved exporter code and the issuing body. Internal data (supplier id, bill of materials,
 * timestamps of our own processing) is not part of the document.
 *
 * <p>Form: JSON, UTF-8, object keys sorted, no whitespace, absent values omitted, decimals as
 * strings in plain notation without trailing zeros ({@code "12.5"}), dates ISO-8601
 * ({@code "2026-11-20"}). The hash is the lower-case hex SHA-256 of those bytes.
 */
public final class CanonicalContent {

    private CanonicalContent() {}

    public static String documentHash(Declaration declaration) {
        return sha256Hex(json(declaration));
    }

    public static String json(Declaration d) {
        Map<String, Object> root = new TreeMap<>();
        put(root, "documentType", d.documentType());
        put(root, "referenceNumber", d.referenceNumber());
        put(root, "issueDate", d.issueDate());
        put(root, "exporter", party(d.exporter()));
        put(root, "producer", party(d.producer()));
        put(root, "importer", party(d.importer()));
        put(root, "importingCountry", d.destinationCountry());
        List<Object> items = new ArrayList<>();
        d.goods().stream().sorted(Comparator.comparingInt(Declaration.Item::itemNumber)).forEach(i -> {
            Map<String, Object> item = new TreeMap<>();
            put(item, "itemNumber", i.itemNumber());
            put(item, "description", i.description());
            put(item, "hsCode", i.hsCode());
            put(item, "originCriterion", i.originCriterion());
            put(item, "originCountry", i.originCountry());
            put(item, "quantity", i.quantity());
            put(item, "quantityUnit", i.quantityUnit());
            put(item, "grossWeightKg", i.grossWeightKg());
            put(item, "fobAmount", i.fobAmount());
            put(item, "fobCurrency", i.fobCurrency());
            items.add(item);
        });
        put(root, "goods", items);
        if (d.consignment() != null) {
            Declaration.Shipment s = d.consignment();
            Map<String, Object> shipment = new TreeMap<>();
            put(shipment, "invoiceNumber", s.invoiceNumber());
            put(shipment, "invoiceDate", s.invoiceDate());
            put(shipment, "departureDate", s.departureDate());
            put(shipment, "vesselOrFlight", s.vesselOrFlight());
            put(shipment, "voyageNumber", s.voyageNumber());
            put(shipment, "portOfLoading", s.portOfLoading());
            put(shipment, "portOfDischarge", s.portOfDischarge());
            put(shipment, "transportDocumentReference", s.transportDocumentReference());
            put(root, "consignment", shipment);
        }
        put(root, "approvedExporterCode", d.approvedExporterCode());
        put(root, "issuingBody", d.issuingBody());
        StringBuilder out = new StringBuilder(512);
        write(out, root);
        return out.toString();
    }

    private static Map<String, Object> party(Declaration.Party p) {
        if (p == null) {
            return null;
        }
        Map<String, Object> party = new TreeMap<>();
        put(party, "name", p.name());
        put(party, "address", p.address());
        put(party, "country", p.country());
        return party;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value == null || (value instanceof Map<?, ?> m && m.isEmpty()) || (value instanceof List<?> l && l.isEmpty())) {
            return;
        }
        map.put(key, value);
    }

    private static void write(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                string(out, (String) e.getKey());
                out.append(':');
                write(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof BigDecimal decimal) {
            string(out, decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString());
        } else if (value instanceof Integer number) {
            out.append(number.intValue());
        } else if (value instanceof LocalDate date) {
            string(out, date.toString());
        } else {
            string(out, value.toString());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    static String sha256Hex(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
