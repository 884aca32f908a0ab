package org.originbridge.ccpit.adapter.mongo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.originbridge.ccpit.domain.CoApplication;
import org.originbridge.ccpit.domain.EcoRequest;

/**
 * {@link EcoRequest} (with its Annex 3B application) <-> {@code org.bson.Document}, field for field. Documents
 * stored before routing by exporting Party carry only the five CCPIT fields ({@code coReferenceNumber},
 * {@code exporterName}, {@code importingCountry}, {@code hsCodes}): they are read as a CN application.
 */
final class EcoRequestDocuments {

    /** Applications stored before routing by issuing body were all CCPIT's. */
    static final String LEGACY_PARTY = "CN";

    private EcoRequestDocuments() {
    }

    static Document toDocument(EcoRequest r) {
        CoApplication a = r.application();
        return new Document("supplierId", r.supplierId()).append("documentType", r.documentType())
                .append("exportingParty", r.exportingParty()).append("importerId", r.importerId())
                // the five fields older readers know, kept for them
                .append("coReferenceNumber", r.coReferenceNumber()).append("exporterName", r.exporterName())
                .append("importingCountry", r.importingCountry()).append("hsCodes", r.hsCodes())
                .append("application", new Document("referenceNumber", a.referenceNumber())
                        .append("exporter", trader(a.exporter())).append("producer", trader(a.producer()))
                        .append("consignee", trader(a.consignee())).append("importingCountry", a.importingCountry())
                        .append("transport", transport(a.transport()))
                        .append("goods", a.goods().stream().map(EcoRequestDocuments::item).toList())
                        .append("declarant", a.declarant() == null ? null : new Document("place", a.declarant().place())
                                .append("date", date(a.declarant().date()))
                                .append("signatoryName", a.declarant().signatoryName()))
                        .append("remarks", a.remarks()));
    }

    @SuppressWarnings("unchecked")
    static EcoRequest toRequest(String declarationId, Document r) {
        Document a = r.get("application", Document.class);
        CoApplication application;
        String party = r.getString("exportingParty");
        if (a == null) {
            List<String> hsCodes = (List<String>) r.get("hsCodes", List.class);
            List<CoApplication.Item> goods = new ArrayList<>();
            for (int i = 0; hsCodes != null && i < hsCodes.size(); i++) {
                goods.add(new CoApplication.Item(i + 1, null, hsCodes.get(i), null, null, null, null, null, null, null));
            }
            application = new CoApplication(r.getString("coReferenceNumber"),
                    new CoApplication.Trader(r.getString("exporterName"), null, LEGACY_PARTY), null, null,
                    r.getString("importingCountry"), null, goods, null, null);
            party = party == null ? LEGACY_PARTY : party;
        } else {
            Document d = a.get("declarant", Document.class);
            List<Document> goods = (List<Document>) a.get("goods", List.class);
            application = new CoApplication(a.getString("referenceNumber"), trader(a.get("exporter", Document.class)),
                    trader(a.get("producer", Document.class)), trader(a.get("consignee", Document.class)),
                    a.getString("importingCountry"), transport(a.get("transport", Document.class)),
                    goods == null ? List.of() : goods.stream().map(EcoRequestDocuments::item).toList(),
                    d == null ? null : new CoApplication.Declarant(d.getString("place"), localDate(d.getString("date")),
                            d.getString("signatoryName")),
                    a.getString("remarks"));
        }
        return new EcoRequest(declarationId, r.getString("supplierId"), r.getString("documentType"), party,
                r.getString("importerId"), application);
    }

    private static Document trader(CoApplication.Trader t) {
        return t == null ? null : new Document("name", t.name()).append("address", t.address()).append("country", t.country());
    }

    private static CoApplication.Trader trader(Document d) {
        return d == null ? null : new CoApplication.Trader(d.getString("name"), d.getString("address"), d.getString("country"));
    }

    private static Document transport(CoApplication.Transport t) {
        return t == null ? null : new Document("invoiceNumber", t.invoiceNumber()).append("invoiceDate", date(t.invoiceDate()))
                .append("departureDate", date(t.departureDate())).append("vesselOrFlight", t.vesselOrFlight())
                .append("voyageNumber", t.voyageNumber()).append("portOfLoading", t.portOfLoading())
                .append("portOfDischarge", t.portOfDischarge());
    }

    private static CoApplication.Transport transport(Document d) {
        return d == null ? null : new CoApplication.Transport(d.getString("invoiceNumber"),
                localDate(d.getString("invoiceDate")), localDate(d.getString("departureDate")), d.getString("vesselOrFlight"),
                d.getString("voyageNumber"), d.getString("portOfLoading"), d.getString("portOfDischarge"));
    }

    private static Document item(CoApplication.Item i) {
        return new Document("itemNumber", i.itemNumber()).append("description", i.description()).append("hsCode", i.hsCode())
                .append("originCriterion", i.originCriterion()).append("originCountry", i.originCountry())
                .append("quantity", decimal(i.quantity())).append("quantityUnit", i.quantityUnit())
                .append("grossWeightKg", decimal(i.grossWeightKg())).append("fobAmount", decimal(i.fobAmount()))
                .append("fobCurrency", i.fobCurrency());
    }

    private static CoApplication.Item item(Document d) {
        return new CoApplication.Item(d.getInteger("itemNumber", 0), d.getString("description"), d.getString("hsCode"),
                d.getString("originCriterion"), d.getString("originCountry"), decimal(d.get("quantity")),
                d.getString("quantityUnit"), decimal(d.get("grossWeightKg")), decimal(d.get("fobAmount")),
                d.getString("fobCurrency"));
    }

    /** Calendar dates as ISO strings (no time zone to get wrong). */
    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate localDate(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private static Decimal128 decimal(BigDecimal value) {
        return value == null ? null : new Decimal128(value);
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        return value == null ? null : new BigDecimal(value.toString());
    }
}
