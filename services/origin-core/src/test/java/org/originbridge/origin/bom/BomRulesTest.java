package org.originbridge.origin.bom;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.code.HsCode;
import org.originbridge.origin.code.InvalidCodeException;
import org.originbridge.origin.determination.Material;
import org.originbridge.origin.determination.MaterialOrigin;

class BomRulesTest {

    @Test
    void deductibleCostsMayNotExceedTheMaterialsValue() {
        assertThatThrownBy(() -> BomRules.checkDeductibleCosts(new BigDecimal("1.00"), new BigDecimal("1.01")))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_AMOUNT))
                .hasMessage("deductible costs 1.01 exceed the material's value 1.00");
    }

    @Test
    void equalOrMissingAmountsPass() {
        assertThatCode(() -> BomRules.checkDeductibleCosts(new BigDecimal("1.00"), new BigDecimal("1"))).doesNotThrowAnyException();
        assertThatCode(() -> BomRules.checkDeductibleCosts(null, new BigDecimal("5"))).doesNotThrowAnyException();
        assertThatCode(() -> BomRules.checkDeductibleCosts(BigDecimal.ONE, null)).doesNotThrowAnyException();
    }

    @Test
    void theDeterminationsMaterialHoldsTheSameRule() {
        assertThatThrownBy(() -> new Material("m", null, HsCode.parse("440791"), new BigDecimal("1.00"), null,
                MaterialOrigin.NON_ORIGINATING, new BigDecimal("2.00"), false))
                .isInstanceOf(InvalidCodeException.class).hasMessageContaining("exceed the material's value");
    }
}
