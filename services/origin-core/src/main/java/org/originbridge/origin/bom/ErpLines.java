package org.originbridge.origin.bom;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.code.Decimals;
import org.originbridge.origin.code.HsCode;
import org.originbridge.origin.code.InvalidCodeException;
import org.originbridge.origin.code.Money;
import org.originbridge.origin.determination.MaterialOrigin;
import org.originbridge.origin.determination.MaterialRole;

/**
 * What the BOM formats share once a row's columns are named: one {@link BomLine} from a row (the rules of
 * {@link BomRules} applied) and the structure check of a whole upload (no cycle, bounded depth, every assembly
 * reachable from the header material).
 */
final class ErpLines {

    private ErpLines() {
    }

    /**
     * The checks of one line's role and costs, written once for every BOM reader (generic CSV, multi-level, SAP):
     * {@code indirect=true} with another role is a contradiction; deductible costs may not exceed the value.
     */
    static void checkRoleAndCosts(TabularText.Row row, BigDecimal value, BigDecimal deductible, Boolean indirect,
                                  MaterialRole role) {
        if (row.ok() && role != null && indirect != null && indirect && role != MaterialRole.INDIRECT) {
            row.fail("role", ErrorCodes.INVALID_VALUE, "indirect=true contradicts role " + role + "; give one of them");
        }
        if (row.ok()) {
            try {
                BomRules.checkDeductibleCosts(value, deductible);
            } catch (InvalidCodeException e) {
                row.fail("deductible_costs", e.code(), e.getMessage());
            }
        }
    }

    /** The line, or null when a cell failed (the failure is recorded on the row). */
    static BomLine line(TabularText.Row row, String parent, Currency defaultCurrency, BigDecimal value,
                        BigDecimal quantity, java.util.function.Function<String, HsCode> hsParser) {
        String component = row.id("material", true);
        String description = row.text("description");
        HsCode hs = row.parse("hs_code", true, hsParser);
        Currency currency = row.parse("currency", false, Money::parseCurrency);
        if (currency == null) {
            currency = defaultCurrency;
        }
        if (currency == null && row.ok()) {
            row.fail("currency", ErrorCodes.REQUIRED, "no currency on the line and none given for the upload");
        }
        String unit = row.id("unit", false);
        MaterialOrigin origin = row.parse("origin_status", false, BomRules::parseOrigin);
        String supplier = row.id("supplier", false);
        BigDecimal deductible = row.parse("deductible_costs", false, Decimals::parseNonNegative);
        Boolean indirect = row.parse("indirect", false, BomRules::parseIndirect);
        MaterialRole role = row.parse("role", false, MaterialRole::parse);
        checkRoleAndCosts(row, value, deductible, indirect, role);
        if (row.ok() && component.equals(parent)) {
            row.fail("material", ErrorCodes.INVALID_VALUE, "material " + component + " is listed as its own component");
        }
        if (!row.ok() || value == null) {
            return null;
        }
        return new BomLine(row.lineNo(), parent, component, description, hs, quantity, unit, value, currency, origin,
                supplier, deductible, role != null ? role : Boolean.TRUE.equals(indirect) ? MaterialRole.INDIRECT : null);
    }

    /**
     * The structure problems of an upload: a cycle (A in B in A), nesting deeper than {@link BomLimits#maxDepth()},
     * or an assembly's BOM that no path from the header material reaches.
     */
    static List<FieldError> checkStructure(List<BomLine> lines, String root, String source, BomLimits limits) {
        Map<String, List<BomLine>> byParent = new LinkedHashMap<>();
        for (BomLine l : lines) {
            byParent.computeIfAbsent(l.parent(), k -> new ArrayList<>()).add(l);
        }
        List<FieldError> errors = new ArrayList<>();
        if (lines.isEmpty()) {
            errors.add(TabularText.error(source, 1, null, ErrorCodes.REQUIRED, "the upload lists no component"));
            return errors;
        }
        // iterative depth-first walk with colours (on the path / done) and memoised heights: linear in the lines
        // whatever the sharing of sub-assemblies, and no input can overflow the stack
        Map<String, Integer> height = new HashMap<>();
        Set<String> onPath = new LinkedHashSet<>();
        Deque<String> stack = new ArrayDeque<>();
        Deque<Integer> next = new ArrayDeque<>();
        stack.push(root);
        next.push(0);
        onPath.add(root);
        while (!stack.isEmpty() && errors.isEmpty()) {
            String material = stack.peek();
            List<BomLine> children = byParent.getOrDefault(material, List.of());
            int i = next.pop();
            if (i < children.size()) {
                next.push(i + 1);
                BomLine l = children.get(i);
                String child = l.componentId();
                if (onPath.contains(child)) {
                    List<String> path = new ArrayList<>(onPath);
                    path = path.subList(path.indexOf(child), path.size());
                    errors.add(TabularText.error(source, l.line(), "material", ErrorCodes.INVALID_VALUE,
                            "cycle: " + String.join(" -> ", path) + " -> " + child));
                } else if (byParent.containsKey(child) && !height.containsKey(child)) {
                    stack.push(child);
                    next.push(0);
                    onPath.add(child);
                    if (onPath.size() > limits.maxDepth() + 1) {
                        errors.add(TabularText.error(source, l.line(), null, ErrorCodes.LIMIT_EXCEEDED,
                                "the bill of materials nests deeper than " + limits.maxDepth() + " levels"));
                    }
                }
            } else {
                int h = 1 + children.stream().mapToInt(c -> height.getOrDefault(c.componentId(), 0)).max().orElse(0);
                height.put(material, h);
                stack.pop();
                onPath.remove(material);
                if (h > limits.maxDepth()) {
                    errors.add(TabularText.error(source, children.get(0).line(), null, ErrorCodes.LIMIT_EXCEEDED,
                            "the bill of materials nests deeper than " + limits.maxDepth() + " levels"));
                }
            }
        }
        Set<String> reached = height.keySet();
        if (errors.isEmpty()) {
            for (Map.Entry<String, List<BomLine>> e : byParent.entrySet()) {
                if (!reached.contains(e.getKey())) {
                    errors.add(TabularText.error(source, e.getValue().get(0).line(), "parent", ErrorCodes.INVALID_VALUE,
                            "parent " + e.getKey() + " is neither the header material " + root
                                    + " nor a component of it"));
                }
            }
        }
        return errors;
    }
}
