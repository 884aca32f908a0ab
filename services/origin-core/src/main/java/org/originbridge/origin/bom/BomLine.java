package org.originbridge.origin.bom;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import org.originbridge.origin.code.HsCode;
import org.originbridge.origin.determination.MaterialOrigin;
import org.originbridge.origin.determination.MaterialRole;

/**
 * One component line of one (parent) material's bill of materials, as an ERP export gives it, before any
 * conversion or roll-up. Built only by the readers, after {@link BomRules#checkLine}.
 *
 * @param line            the line of the upload it was read from (for explanations)
 * @param parent          the material whose BOM this line belongs to
 * @param componentId     the component's material number
 * @param description     optional description
 * @param hsCode          the component's 6-digit HS code
 * @param quantity        optional quantity per parent (informational)
 * @param unit            optional unit of that quantity
 * @param value           the line's value (quantity x price), in {@code currency}
 * @param currency        the currency of {@code value} and {@code deductibleCosts}
 * @param origin          the origin the export states; null when not stated (the roll-up then looks for a
 *                        supplier declaration or the component's own BOM, else UNDETERMINED)
 * @param supplier        optional supplier (vendor) of a bought-in component
 * @param deductibleCosts Art 3.5.5 deductions; zero when not given
 * @param role            what the line is to the parent ({@link MaterialRole})
 */
public record BomLine(int line, String parent, String componentId, String description, HsCode hsCode,
                      BigDecimal quantity, String unit, BigDecimal value, Currency currency, MaterialOrigin origin,
                      String supplier, BigDecimal deductibleCosts, MaterialRole role) {
    public BomLine {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(hsCode, "hsCode");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(currency, "currency");
        deductibleCosts = deductibleCosts == null ? BigDecimal.ZERO : deductibleCosts;
        role = role == null ? MaterialRole.DIRECT : role;
    }
}
