package org.originbridge.intake.domain;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.bom.BomCsvReader;
import org.originbridge.origin.bom.BomLibrary;
import org.originbridge.origin.bom.BomLimits;
import org.originbridge.origin.bom.BomSet;
import org.originbridge.origin.bom.ExchangeRates;
import org.originbridge.origin.bom.SapBomReader;
import org.originbridge.origin.bom.SupplierDeclarations;
import org.originbridge.origin.code.Ids;
import org.originbridge.origin.code.InvalidCodeException;
import org.originbridge.origin.code.Money;
import org.originbridge.origin.rule.HsEdition;
import org.originbridge.origin.rule.RuleTable;
import org.originbridge.origin.rule.VersionedRuleTable;

/**
 * The ERP data use cases: import a bill of materials (HTTP or the {@code bom-submissions} topic, CSV or SAP CS12),
 * supplier declarations (exporter), exchange rates and rule table versions (operator). Each reads its upload with
 * origin-core's one reader for the format, refuses it whole with every problem, or stores it.
 */
public final class ErpImports {
    /** Characters in one upload, at most (the HTTP body limit applies first). */
    public static final int MAX_UPLOAD_CHARS = 4_000_000;

    private final ErpStore store;
    private final Clock clock;
    private final BomLimits limits;
    private final Map<String, BomSet> parsed = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BomSet> eldest) {
            return size() > 256;
        }
    });

    public ErpImports(ErpStore store, Clock clock, BomLimits limits) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** A stored upload's summary, or why nothing was stored. */
    public sealed interface Outcome {
        record Stored(String id, int count, List<String> details) implements Outcome {
            public Stored {
                details = List.copyOf(details);
            }
        }

        record Refused(List<FieldError> errors) implements Outcome {
            public Refused {
                errors = List.copyOf(errors);
            }
        }
    }

    /**
     * Imports one bill-of-materials upload of {@code supplierId} for {@code material}.
     *
     * @param uploadId the upload's id, or null to derive it from the content (so a repeated upload is one upload)
     */
    public Outcome importBom(String supplierId, String material, BomFormat format, String currency, String text,
                             String uploadId) {
        List<FieldError> errors = new ArrayList<>();
        check("supplierId", supplierId, errors);
        check("material", material, errors);
        if (uploadId != null) {
            check("submissionId", uploadId, errors);
        }
        if (format == null) {
            errors.add(new FieldError("format", ErrorCodes.INVALID_VALUE, "format must be csv or sap-cs12"));
        }
        Currency defaultCurrency = null;
        if (currency != null && !currency.isBlank()) {
            try {
                defaultCurrency = Money.parseCurrency(currency);
            } catch (InvalidCodeException e) {
                errors.add(new FieldError("currency", e.code(), e.getMessage()));
            }
        }
        size(text, errors);
        if (!errors.isEmpty()) {
            return new Outcome.Refused(errors);
        }
        BomCsvReader.BomSetImport read = read(format, material, defaultCurrency, text);
        if (!read.isValid()) {
            return new Outcome.Refused(read.errors());
        }
        String id = uploadId != null ? uploadId : digest(supplierId + "|" + material + "|" + format + "|" + currency + "|" + text);
        BomSet set = read.bills();
        store.saveBom(new ErpStore.BomUpload(id, supplierId, material, format,
                defaultCurrency == null ? null : defaultCurrency.getCurrencyCode(), text, List.copyOf(set.parents()),
                set.lineCount(), clock.instant()));
        parsed.put(supplierId + "|" + id, set);
        return new Outcome.Stored(id, set.lineCount(), List.copyOf(set.parents()));
    }

    /** Imports supplier declarations held by {@code supplierId}. */
    public Outcome importSupplierDeclarations(String supplierId, String text) {
        List<FieldError> errors = new ArrayList<>();
        check("supplierId", supplierId, errors);
        size(text, errors);
        if (!errors.isEmpty()) {
            return new Outcome.Refused(errors);
        }
        SupplierDeclarations.Upload upload = SupplierDeclarations.read(new StringReader(text), "upload", limits);
        if (!upload.isValid()) {
            return new Outcome.Refused(upload.errors());
        }
        store.saveSupplierDeclarations(supplierId, upload.declarations());
        return new Outcome.Stored(supplierId, upload.declarations().size(), List.of());
    }

    /** Loads exchange rates (operator). */
    public Outcome loadRates(String text) {
        List<FieldError> errors = new ArrayList<>();
        size(text, errors);
        if (!errors.isEmpty()) {
            return new Outcome.Refused(errors);
        }
        ExchangeRates.Upload upload = ExchangeRates.read(new StringReader(text), "upload", limits);
        if (!upload.isValid()) {
            return new Outcome.Refused(upload.errors());
        }
        store.saveRates(upload.rates());
        return new Outcome.Stored("exchange-rates", upload.rates().size(), List.of());
    }

    /** Loads a rule table as the next version of {@code agreement} / {@code edition} (operator). */
    public Outcome loadRuleTable(String agreement, String edition, String source, String text) {
        List<FieldError> errors = new ArrayList<>();
        HsEdition hsEdition = null;
        try {
            hsEdition = HsEdition.parse(edition);
        } catch (InvalidCodeException e) {
            errors.add(new FieldError("hsEdition", e.code(), e.getMessage()));
        }
        if (agreement == null || !agreement.matches("[A-Z0-9-]{2,16}")) {
            errors.add(new FieldError("agreement", ErrorCodes.INVALID_VALUE,
                    "agreement must be 2-16 upper-case letters, digits or '-', e.g. RCEP"));
        }
        size(text, errors);
        if (!errors.isEmpty()) {
            return new Outcome.Refused(errors);
        }
        RuleTable table;
        try {
            table = RuleTable.parse(new StringReader(text), source == null ? "upload" : source);
        } catch (IllegalArgumentException e) {
            return new Outcome.Refused(List.of(new FieldError("table", ErrorCodes.INVALID_FORMAT, e.getMessage())));
        }
        if (table.size() == 0) {
            return new Outcome.Refused(List.of(new FieldError("table", ErrorCodes.REQUIRED, "the table has no rule")));
        }
        boolean sample = VersionedRuleTable.samples(table);
        int version = store.addRuleTable(new ErpStore.RuleTableVersion(agreement, hsEdition, 0,
                source == null ? "upload" : source, text, sample, table.size(), clock.instant()));
        return new Outcome.Stored(agreement + " " + hsEdition + " v" + version, table.size(),
                sample ? List.of("rows marked as samples") : List.of());
    }

    /** The BOMs of one exporter tenant, as the roll-up reads them. */
    public BomLibrary library(String supplierId) {
        return store.library(supplierId, this::parse);
    }

    private BomLibrary parse(ErpStore.BomUpload upload) {
        String key = upload.supplierId() + "|" + upload.uploadId(); // upload ids are unique per tenant only
        BomSet set = parsed.get(key);
        if (set == null) {
            Currency currency = upload.currency() == null ? null : Money.parseCurrency(upload.currency());
            BomCsvReader.BomSetImport read = read(upload.format(), upload.rootMaterial(), currency, upload.text());
            if (!read.isValid()) {
                return BomLibrary.NONE; // stored only when valid; a stricter reader since then refuses it
            }
            set = read.bills();
            parsed.put(key, set);
        }
        return set;
    }

    private BomCsvReader.BomSetImport read(BomFormat format, String material, Currency currency, String text) {
        return switch (format) {
            case GENERIC_CSV -> BomCsvReader.readSet(new StringReader(text), "upload", material, currency, limits);
            case SAP_CS12 -> SapBomReader.read(new StringReader(text), "upload", material, currency, limits);
        };
    }

    private static void check(String field, String id, List<FieldError> errors) {
        if (id == null || id.isBlank()) {
            errors.add(new FieldError(field, ErrorCodes.REQUIRED, "is required"));
            return;
        }
        try {
            Ids.parse(id);
        } catch (InvalidCodeException e) {
            errors.add(new FieldError(field, e.code(), e.getMessage()));
        }
    }

    private static void size(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("body", ErrorCodes.REQUIRED, "the upload is empty"));
        } else if (text.length() > MAX_UPLOAD_CHARS) {
            errors.add(new FieldError("body", ErrorCodes.LIMIT_EXCEEDED, "the upload has more than "
                    + MAX_UPLOAD_CHARS + " characters"));
        }
    }

    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
