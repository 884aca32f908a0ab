package org.originbridge.origin.bom;

import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.code.Decimals;
import org.originbridge.origin.code.HsCode;
import org.originbridge.origin.determination.Material;
import org.originbridge.origin.determination.MaterialOrigin;
import org.originbridge.origin.determination.MaterialRole;

/**
 * Reads a bill of materials exported from an ERP as CSV. A header row names the columns (any order,
 * case-insensitive; other columns are ignored):
 * <pre>
 * material,description,hs_code,value,net_weight_kg,origin_status
 * M-100,Oak boards,440791,30.00,8.2,NON_ORIGINATING
 * </pre>
 * Required columns: {@code hs_code}, {@code value}, {@code origin_status} (ORIGINATING, NON_ORIGINATING or
 * UNDETERMINED; '-' or ' ' may stand for '_'). Optional: {@code material}, {@code description},
 * {@code net_weight_kg}, {@code deductible_costs}, {@code indirect} (true/false), {@code role}. Blank lines and lines
 * starting with {@code #} are skipped. Every error names the line and the column.
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

    private static final Map<String, List<String>> SET_COLUMNS = TabularText.columns(
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

    private static final Map<String, List<String>> COLUMNS = TabularText.columns("material", "description", "hs_code",
            "value", "net_weight_kg", "origin_status", "deductible_costs", "indirect", "role");

    /**
     * Reads the generic CSV as one flat list of materials. The lines are read by the one table reader of origin-core
     * ({@link TabularText}: header row, delimiter, skipped lines, byte order mark, the {@link BomLimits#DEFAULT} bounds).
     */
    public static BomImport read(Reader reader, String sourceName) {
        List<Material> materials = new ArrayList<>();
        List<FieldError> errors = TabularText.read(reader, sourceName, BomLimits.DEFAULT, COLUMNS, REQUIRED_COLUMNS, row -> {
            Material m = material(row);
            if (m != null) {
                materials.add(m);
            }
        });
        return new BomImport(materials, errors);
    }

    private static Material material(TabularText.Row row) {
        String id = row.id("material", false);
        String description = row.text("description");
        HsCode hs = row.parse("hs_code", true, HsCode::parse);
        BigDecimal value = row.parse("value", true, Decimals::parseNonNegative);
        BigDecimal weight = row.parse("net_weight_kg", false, Decimals::parseNonNegative);
        MaterialOrigin origin = row.parse("origin_status", true, BomRules::parseOrigin);
        BigDecimal deductible = row.parse("deductible_costs", false, Decimals::parseNonNegative);
        Boolean indirect = row.parse("indirect", false, BomRules::parseIndirect);
        MaterialRole role = row.parse("role", false, MaterialRole::parse);
        ErpLines.checkRoleAndCosts(row, value, deductible, indirect, role);
        if (!row.ok()) {
            return null;
        }
        return new Material(id, description, hs, value, weight, origin, deductible,
                role != null ? role : indirect != null && indirect ? MaterialRole.INDIRECT : MaterialRole.DIRECT);
    }
}
