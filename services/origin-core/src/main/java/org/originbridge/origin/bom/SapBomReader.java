package org.originbridge.origin.bom;

import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.code.Decimals;
import org.originbridge.origin.code.HsCode;
import org.originbridge.origin.code.InvalidCodeException;

/**
 * Reads SAP's multi-level BOM explosion (transaction CS12, list exported with "Export to spreadsheet" / "Local
 * file", tab- or ';'-separated) with the trade fields of the material master added to the layout. The level
 * column ({@code .1}, {@code ..2} or {@code 1}, {@code 2}) gives the structure: a level-n line belongs to the
 * nearest line above it of level n-1, level 1 to the header material (CS12 prints the header material above the
 * list, so it is passed in as {@code rootMaterial}). Columns, by their CS12 label or the STPOX/MARA/MBEW field
 * name (case-insensitive, any order, others ignored):
 * <pre>
 * Level | Explosion level | STUFE          required  .1, ..2, ... or 1, 2, ...
 * Component number | Component | IDNRK    required  the component's material number
 * Object description | OJTXP                        description
 * Comp. Qty (BUn) | Quantity | MENGE      required  quantity for the header's required quantity
 * Base unit of measure | BUn | Un | MEINS           unit
 * Item category | ICt | POSTP                       L, N, R ...; T (text items) are skipped
 * Plant | WERKS                                     informational
 * Comm./imp. code no. | STAWN             required  commodity code (6 digits or more; the first 6 are the HS code)
 * Standard price | Price | STPRS | VERPR required   price per price unit
 * Price unit | PEINH | PREIH                        default 1
 * Currency | Crcy | WAERS                           else the upload's currency
 * Vendor | Supplier | LIFNR                          supplier of a bought-in component
 * Origin status | Preference status                 ORIGINATING / NON_ORIGINATING / Y / N; empty: not stated
 * </pre>
 * A line's value is {@code quantity x price / price unit}, rounded half-up to 2 decimals. Numbers may carry ','
 * as thousands separator (SAP's decimal notation "1,234,567.89"); the other notations are refused rather than
 * guessed.
 */
public final class SapBomReader {

    private static final Map<String, List<String>> COLUMNS = TabularText.columns(
            "level|explosion level|lvl|stufe",
            "item|item number|posnr",
            "material|component number|component|idnrk",
            "description|object description|component description|ojtxp",
            "quantity|comp. qty (bun)|component quantity|comp. qty|menge",
            "unit|base unit of measure|bun|un|meins|mmein",
            "category|item category|ict|postp",
            "plant|werks",
            "hs_code|comm./imp. code no.|commodity code|comm. code|stawn",
            "price|standard price|stprs|verpr",
            "price_unit|price unit|peinh|preih",
            "currency|crcy|waers",
            "supplier|vendor|lifnr",
            "origin_status|origin status|preference status");

    private SapBomReader() {
    }

    /** Reads one CS12 export of {@code rootMaterial}'s multi-level BOM. */
    public static BomCsvReader.BomSetImport read(Reader reader, String sourceName, String rootMaterial,
                                                  Currency defaultCurrency, BomLimits limits) {
        List<BomLine> lines = new ArrayList<>();
        List<String> parents = new ArrayList<>(); // parents.get(n - 1) = the parent of a level-n line
        List<Integer> parentLines = new ArrayList<>(); // the line each of them was listed on (0: the header)
        parents.add(rootMaterial);
        parentLines.add(0);
        // an assembly used in several places is exploded again at each (CS12 lists it each time): its lines are
        // kept from its first occurrence only, so that its BOM is read once
        Map<String, Integer> firstOccurrence = new java.util.HashMap<>();
        boolean[] structureBroken = {false};
        List<FieldError> errors = TabularText.read(reader, sourceName, limits, COLUMNS,
                List.of("level", "material", "quantity", "hs_code", "price"), row -> {
                    String category = row.cell("category");
                    if (category != null && category.equalsIgnoreCase("T")) {
                        return; // a text item carries no material
                    }
                    Integer level = row.parse("level", true, SapBomReader::level);
                    if (level == null || structureBroken[0]) {
                        return;
                    }
                    if (level > limits.maxDepth()) {
                        row.fail("level", ErrorCodes.LIMIT_EXCEEDED, "level " + level + " is deeper than "
                                + limits.maxDepth() + " levels");
                        structureBroken[0] = true;
                        return;
                    }
                    if (level > parents.size()) {
                        row.fail("level", ErrorCodes.INVALID_VALUE, "level " + level + " follows level "
                                + (parents.size() - 1) + "; a level-" + level + " line needs a level-" + (level - 1)
                                + " line above it");
                        structureBroken[0] = true;
                        return;
                    }
                    BigDecimal quantity = row.parse("quantity", true, SapBomReader::number);
                    BigDecimal price = row.parse("price", true, SapBomReader::number);
                    BigDecimal priceUnit = row.parse("price_unit", false, SapBomReader::number);
                    BigDecimal value = null;
                    if (quantity != null && price != null) {
                        try {
                            BomRules.checkQuantity(quantity);
                            Decimals.requireNonNegative(price, row.cell("price"));
                            if (priceUnit != null && priceUnit.signum() <= 0) {
                                throw new InvalidCodeException(ErrorCodes.INVALID_AMOUNT, "price unit must be positive");
                            }
                            value = Decimals.bounded(quantity.multiply(price)
                                    .divide(priceUnit == null ? BigDecimal.ONE : priceUnit, 2, RoundingMode.HALF_UP));
                        } catch (InvalidCodeException e) {
                            row.fail("quantity", e.code(), e.getMessage());
                        }
                    }
                    String parent = parents.get(level - 1);
                    int parentLine = parentLines.get(level - 1);
                    BomLine line = ErpLines.line(row, parent, defaultCurrency, value, quantity, SapBomReader::commodityCode);
                    // keep the structure even when the line is bad, so later lines find their parent
                    String component = row.cell("material");
                    while (parents.size() > level) {
                        parents.remove(parents.size() - 1);
                        parentLines.remove(parentLines.size() - 1);
                    }
                    parents.add(component == null ? "?" : component);
                    parentLines.add(row.lineNo());
                    if (line != null && firstOccurrence.computeIfAbsent(parent, p -> parentLine) == parentLine) {
                        lines.add(line);
                    }
                });
        if (errors.isEmpty()) {
            errors = ErpLines.checkStructure(lines, rootMaterial, sourceName, limits);
        }
        return new BomCsvReader.BomSetImport(errors.isEmpty() ? BomSet.of(rootMaterial, lines) : null, errors);
    }

    /** {@code .1}, {@code ..2}, {@code 1}, {@code 02}: the level, 1 or more. */
    static Integer level(String text) {
        String t = text.strip();
        int level;
        if (t.matches("\\.+\\d{1,2}")) {
            level = Integer.parseInt(t.replace(".", ""));
        } else if (t.matches("\\d{1,2}")) {
            level = Integer.parseInt(t);
        } else {
            throw new InvalidCodeException(ErrorCodes.INVALID_VALUE, "'" + (t.length() > 8 ? t.substring(0, 8) + "..." : t)
                    + "' is not a BOM level (.1, ..2 or 1, 2)");
        }
        if (level < 1) {
            throw new InvalidCodeException(ErrorCodes.INVALID_VALUE, "level " + level + ": components start at level 1");
        }
        return level;
    }

    /**
     * The HS code of a commodity code (STAWN): a national tariff number of 6 to 12 digits (separators '.' and ' '
     * ignored) whose first 6 digits are the HS subheading.
     */
    static HsCode commodityCode(String text) {
        String digits = text.strip().replace(".", "").replace(" ", "");
        if (digits.matches("\\d{7,12}")) {
            return HsCode.parse(digits.substring(0, 6));
        }
        return HsCode.parse(text);
    }

    /** A decimal as SAP writes it with decimal notation "1,234,567.89". */
    static BigDecimal number(String text) {
        String t = text.strip();
        if (t.length() <= 60 && t.matches("\\d{1,3}(,\\d{3})+(\\.\\d*)?")) {
            t = t.replace(",", "");
        }
        return Decimals.parse(t.toLowerCase(Locale.ROOT));
    }
}
