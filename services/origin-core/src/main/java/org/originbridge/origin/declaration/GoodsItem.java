package org.originbridge.origin.declaration;

import java.math.BigDecimal;

/**
 * One goods line of a proof of origin, as declared (codes are validated by {@link DeclarationValidator}).
 *
 * @param itemNumber       line number on the document (informational; may be null)
 * @param description      (d) description of goods
 * @param hsCode           (d) 6-digit HS code, as declared
 * @param originCriterion  (f) origin conferring criterion, e.g. {@code WO}, {@code PE}, {@code CTH},
 *                         {@code RVC40}, {@code CTH or RVC40}; the markers {@code ACU} and {@code DMI} may follow
 * @param countryOfOrigin  (i) RCEP country of origin, ISO alpha-2
 * @param quantity         (l) quantity value
 * @param quantityUnit     (l) quantity unit, e.g. PCE, KGM
 * @param fobValue         (k) FOB value: required when an RVC criterion is claimed
 * @param fobCurrency      (k) ISO 4217 currency of the FOB value
 * @param grossWeightKg    gross weight in kg (optional)
 */
public record GoodsItem(Integer itemNumber, String description, String hsCode, String originCriterion,
                        String countryOfOrigin, BigDecimal quantity, String quantityUnit, BigDecimal fobValue,
                        String fobCurrency, BigDecimal grossWeightKg) {
}
