package org.originbridge.intake.adapter.mongo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.originbridge.intake.domain.BomFormat;
import org.originbridge.intake.domain.ErpStore;
import org.originbridge.origin.bom.ExchangeRates;
import org.originbridge.origin.bom.SupplierDeclaration;
import org.originbridge.origin.code.Money;
import org.originbridge.origin.code.RcepParty;
import org.originbridge.origin.rule.HsEdition;
import org.springframework.stereotype.Component;

/**
 * The ERP data in MongoDB, mapped explicitly to and from {@link Document}s:
 * <ul>
 *   <li>{@code bom_uploads}: {@code _id = <supplierId>|<uploadId>}, the upload's text, format, currency, the
 *       materials it holds a BOM of ({@code parents}, indexed with {@code supplierId}), {@code uploadedAt};</li>
 *   <li>{@code supplier_declarations}: {@code _id = <supplierId>|<supplier>|<material>|<validFrom>};</li>
 *   <li>{@code exchange_rates}: {@code _id = <date>|<currency>|<quote>}, the rate as a decimal string;</li>
 *   <li>{@code rule_tables}: {@code _id = <agreement>|<edition>|<version>} (unique: two loads racing for one
 *       version number retry with the next).</li>
 * </ul>
 * Every save is a replace-by-id upsert: saving the same data again changes nothing but its time.
 */
@Component
class MongoErpStore implements ErpStore {
    private final MongoCollection<Document> boms;
    private final MongoCollection<Document> declarations;
    private final MongoCollection<Document> rates;
    private final MongoCollection<Document> rules;

    MongoErpStore(MongoDatabase database) {
        this.boms = database.getCollection("bom_uploads");
        this.declarations = database.getCollection("supplier_declarations");
        this.rates = database.getCollection("exchange_rates");
        this.rules = database.getCollection("rule_tables");
        boms.createIndex(Indexes.ascending("supplierId", "parents", "uploadedAt"));
        declarations.createIndex(Indexes.ascending("supplierId", "material"));
        rates.createIndex(Indexes.ascending("date"));
        rules.createIndex(Indexes.ascending("agreement", "loadedAt"));
    }

    @Override
    public void saveBom(BomUpload u) {
        Document d = new Document("_id", u.supplierId() + "|" + u.uploadId()).append("uploadId", u.uploadId())
                .append("supplierId", u.supplierId()).append("rootMaterial", u.rootMaterial())
                .append("format", u.format().name()).append("currency", u.currency()).append("text", u.text())
                .append("parents", u.parents()).append("lines", u.lines()).append("uploadedAt", Date.from(u.uploadedAt()));
        boms.replaceOne(Filters.eq("_id", d.get("_id")), d, new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<BomUpload> latestBomOf(String supplierId, String material) {
        Document d = boms.find(Filters.and(Filters.eq("supplierId", supplierId), Filters.eq("parents", material)))
                .sort(Sorts.descending("uploadedAt")).first();
        return Optional.ofNullable(d).map(doc -> new BomUpload(doc.getString("uploadId"), doc.getString("supplierId"),
                doc.getString("rootMaterial"), BomFormat.valueOf(doc.getString("format")), doc.getString("currency"),
                doc.getString("text"), doc.getList("parents", String.class), doc.getInteger("lines", 0),
                doc.getDate("uploadedAt").toInstant()));
    }

    @Override
    public void saveSupplierDeclarations(String supplierId, List<SupplierDeclaration> list) {
        for (SupplierDeclaration s : list) {
            String id = supplierId + "|" + s.supplier() + "|" + s.material() + "|" + s.validFrom();
            Document d = new Document("_id", id).append("supplierId", supplierId).append("supplier", s.supplier())
                    .append("material", s.material()).append("originating", s.originating())
                    .append("party", s.party() == null ? null : s.party().name())
                    .append("validFrom", s.validFrom().toString()).append("validTo", s.validTo().toString());
            declarations.replaceOne(Filters.eq("_id", id), d, new ReplaceOptions().upsert(true));
        }
    }

    @Override
    public List<SupplierDeclaration> supplierDeclarations(String supplierId, String material) {
        List<SupplierDeclaration> out = new ArrayList<>();
        for (Document d : declarations.find(Filters.and(Filters.eq("supplierId", supplierId),
                Filters.eq("material", material))).limit(1_000)) {
            String party = d.getString("party");
            out.add(new SupplierDeclaration(d.getString("supplier"), d.getString("material"),
                    d.getBoolean("originating", false), party == null ? null : RcepParty.valueOf(party),
                    LocalDate.parse(d.getString("validFrom")), LocalDate.parse(d.getString("validTo"))));
        }
        return out;
    }

    @Override
    public void saveRates(List<ExchangeRates.Rate> list) {
        for (ExchangeRates.Rate r : list) {
            String id = r.date() + "|" + r.currency().getCurrencyCode() + "|" + r.quoteCurrency().getCurrencyCode();
            Document d = new Document("_id", id).append("date", r.date().toString())
                    .append("currency", r.currency().getCurrencyCode())
                    .append("quoteCurrency", r.quoteCurrency().getCurrencyCode()).append("rate", r.rate().toPlainString());
            rates.replaceOne(Filters.eq("_id", id), d, new ReplaceOptions().upsert(true));
        }
    }

    @Override
    public List<ExchangeRates.Rate> rates(LocalDate from, LocalDate to) {
        List<ExchangeRates.Rate> out = new ArrayList<>();
        // ISO dates sort as strings
        for (Document d : rates.find(Filters.and(Filters.gte("date", from.toString()), Filters.lte("date", to.toString())))
                .limit(50_000)) {
            out.add(new ExchangeRates.Rate(LocalDate.parse(d.getString("date")), Money.parseCurrency(d.getString("currency")),
                    Money.parseCurrency(d.getString("quoteCurrency")), new BigDecimal(d.getString("rate"))));
        }
        return out;
    }

    @Override
    public int addRuleTable(RuleTableVersion t) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Document last = rules.find(Filters.and(Filters.eq("agreement", t.agreement()),
                    Filters.eq("edition", t.edition().name()))).sort(Sorts.descending("version")).first();
            int version = last == null ? 1 : last.getInteger("version") + 1;
            Document d = new Document("_id", t.agreement() + "|" + t.edition().name() + "|" + version)
                    .append("agreement", t.agreement()).append("edition", t.edition().name()).append("version", version)
                    .append("source", t.source()).append("text", t.text()).append("sample", t.sample())
                    .append("rows", t.rows()).append("loadedAt", Date.from(t.loadedAt()));
            try {
                rules.insertOne(d);
                return version;
            } catch (MongoException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("could not number the rule table: too many concurrent loads");
    }

    @Override
    public Optional<RuleTableVersion> latestRuleTable(String agreement) {
        Document d = rules.find(Filters.eq("agreement", agreement)).sort(Sorts.descending("loadedAt", "version")).first();
        return Optional.ofNullable(d).map(doc -> new RuleTableVersion(doc.getString("agreement"),
                HsEdition.valueOf(doc.getString("edition")), doc.getInteger("version"), doc.getString("source"),
                doc.getString("text"), doc.getBoolean("sample", false), doc.getInteger("rows", 0),
                doc.getDate("loadedAt").toInstant()));
    }
}
