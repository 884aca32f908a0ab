package org.originbridge.origin.bom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.code.Decimals;
import org.originbridge.origin.code.HsCode;
import org.originbridge.origin.code.InvalidCodeException;
import org.originbridge.origin.determination.Material;
import org.originbridge.origin.determination.MaterialOrigin;
import org.originbridge.origin.determination.MaterialRole;
import org.originbridge.origin.rule.SimpleCsv;

/**
 * Reads a bill of materials exported from an ERP as CSV. A header row names the columns (any order,
 * case-insensitive; other columns are ignored):
 * <pre>
 * material,description,hs_code,value,net_weight_kg,origin_status
 * M-100,Oak boards,440791,30.00,8.2,NON_ORIGINATING
 * </pre>
 * Required columns: {@code hs_code}, {@code value}, {@code origin_status} (ORIGINATING, NON_ORIGINATING or
 * UNDETERMINED; '-' or ' ' may stand for '_'). Optional: {@code material}, {@code description},
 * {@code net_weight_kg}, {@code deductible_costs}, {@code indirect} (true/false). Blank lines and lines starting
 * with {@code #} are skipped. Every error names the line and the column.
 */
public final class BomCsvReader {
    public static final List<String> REQUIRED_COLUMNS = List.of("hs_code", "value", "origin_status");

    private BomCsvReader() {
    }

    /** The materials read, or every error found. */
    public record BomImport(List<Material> materials, List<FieldError> errors) {
        public BomImport {
            materials = List.copyOf(materials);
            errors = List.copyOf(errors);
        }

        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    /** The bills of materials read from one upload, or every error found. */
    public record BomSetImport(BomSet bills, List<FieldError> errors) {
        public BomSetImport {
            errors = List.copyOf(errors);
        }

        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    private static final java.util.Map<String, List<String>> SET_COLUMNS = TabularText.columns(
            "material|component", "parent", "description", "hs_code", "value", "currency", "quantity", "unit",
            "origin_status", "supplier", "net_weight_kg", "deductible_costs", "indirect", "role");

    /**
     * Reads the generic CSV as an upload of one or more bills of materials (multi-level through the optional
     * {@code parent} column: empty means {@code rootMaterial}). Columns: {@code material} (required: the
     * component's number), {@code hs_code}, {@code value} (required), and optional {@code parent},
     * {@code description}, {@code currency} (else {@code defaultCurrency}), {@code quantity}, {@code unit},
     * {@code origin_status} (empty: not stated, left to supplier declarations and the roll-up), {@code supplier},
     * {@code deductible_costs}, {@code indirect}, {@code role}. Bounded by {@link BomLimits}.
     */
    public static BomSetImport readSet(Reader reader, String sourceName, String rootMaterial,
                                       java.util.Currency defaultCurrency, BomLimits limits) {
        List<BomLine> lines = new ArrayList<>();
        List<FieldError> errors = TabularText.read(reader, sourceName, limits, SET_COLUMNS,
                List.of("material", "hs_code", "value"), row -> {
                    String parent = row.id("parent", false);
                    BomLine line = ErpLines.line(row, parent == null ? rootMaterial : parent, defaultCurrency,
                            row.parse("value", true, Decimals::parseNonNegative),
                            row.parse("quantity", false, v -> BomRules.checkQuantity(Decimals.parse(v))), HsCode::parse);
                    if (line != null) {
                        lines.add(line);
                    }
                });
        if (errors.isEmpty()) {
            errors = ErpLines.checkStructure(lines, rootMaterial, sourceName, limits);
        }
        return new BomSetImport(errors.isEmpty() ? BomSet.of(rootMaterial, lines) : null, errors);
    }

    public static BomImport read(Reader reader, String sourceName) {
        List<Material> materials = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            Map<String, Integer> columns = null;
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                List<String> cells;
                try {
                    cells = SimpleCsv.split(line);
                } catch (IllegalArgumentException e) {
                    errors.add(error(sourceName, lineNo, null, ErrorCodes.INVALID_FORMAT, e.getMessage()));
                    continue;
                }
                if (columns == null) {
                    columns = header(cells, sourceName, lineNo, errors);
                    if (columns == null) {
                        return new BomImport(List.of(), errors);
                    }
                    continue;
                }
                Row row = new Row(sourceName, lineNo, cells, columns, errors);
                Material m = row.material();
                if (m != null) {
                    materials.add(m);
                }
            }
            if (columns == null) {
                errors.add(error(sourceName, lineNo, null, ErrorCodes.REQUIRED,
                        "the file is empty; expected a header row with " + String.join(", ", REQUIRED_COLUMNS)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BomImport(materials, errors);
    }

    private static Map<String, Integer> header(List<String> cells, String source, int lineNo, List<FieldError> errors) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            columns.putIfAbsent(cells.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            errors.add(error(source, lineNo, null, ErrorCodes.REQUIRED, "the header row lacks the column(s) "
                    + String.join(", ", missing) + " (expected material,description,hs_code,value,net_weight_kg,origin_status)"));
            return null;
        }
        return columns;
    }

    static FieldError error(String source, int line, String column, String code, String problem) {
        String where = source + " line " + line + (column == null ? "" : ", column " + column);
        return new FieldError(where, code, where + ": " + problem);
    }

    /** One data row. */
    private static final class Row {
        private final String source;
        private final int lineNo;
        private final List<String> cells;
        private final Map<String, Integer> columns;
        private final List<FieldError> errors;
        private boolean ok = true;

        Row(String source, int lineNo, List<String> cells, Map<String, Integer> columns, List<FieldError> errors) {
            this.source = source;
            this.lineNo = lineNo;
            this.cells = cells;
            this.columns = columns;
            this.errors = errors;
        }

        Material material() {
            String id = cell("material");
            String description = cell("description");
            HsCode hs = parse("hs_code", true, HsCode::parse);
            BigDecimal value = parse("value", true, Decimals::parseNonNegative);
            BigDecimal weight = parse("net_weight_kg", false, Decimals::parseNonNegative);
            MaterialOrigin origin = parse("origin_status", true, Row::origin);
            BigDecimal deductible = parse("deductible_costs", false, Decimals::parseNonNegative);
            Boolean indirect = parse("indirect", false, Row::bool);
            MaterialRole role = parse("role", false, MaterialRole::parse);
            if (ok && role != null && indirect != null && indirect && role != MaterialRole.INDIRECT) {
                fail("role", ErrorCodes.INVALID_VALUE, "indirect=true contradicts role " + role + "; give one of them");
            }
            if (ok) {
                try {
                    BomRules.checkDeductibleCosts(value, deductible);
                } catch (InvalidCodeException e) {
                    fail("deductible_costs", e.code(), e.getMessage());
                }
            }
            if (!ok) {
                return null;
            }
            return new Material(id, description, hs, value, weight, origin, deductible,
                    role != null ? role : indirect != null && indirect ? MaterialRole.INDIRECT : MaterialRole.DIRECT);
        }

        private String cell(String column) {
            Integer i = columns.get(column);
            if (i == null || i >= cells.size()) {
                return null;
            }
            String v = cells.get(i).strip();
            return v.isEmpty() ? null : v;
        }

        private <T> T parse(String column, boolean required, java.util.function.Function<String, T> parser) {
            String v = cell(column);
            if (v == null) {
                if (required) {
                    fail(column, ErrorCodes.REQUIRED, "is empty");
                }
                return null;
            }
            try {
                return parser.apply(v);
            } catch (InvalidCodeException e) {
                fail(column, e.code(), e.getMessage());
                return null;
            }
        }

        private void fail(String column, String code, String problem) {
            ok = false;
            errors.add(error(source, lineNo, column, code, problem));
        }

        private static MaterialOrigin origin(String text) {
            return BomRules.parseOrigin(text);
        }

        static Boolean bool(String text) {
            return BomRules.parseIndirect(text);
        }
    }
}
