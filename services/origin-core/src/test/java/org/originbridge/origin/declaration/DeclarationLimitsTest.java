package org.originbridge.origin.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;

/** Declarations beyond {@link org.originbridge.origin.InputLimits}: one small answer, fast, naming the field. */
class DeclarationLimitsTest {

    private static final Declaration.GoodsItem EMPTY = Declarations.goodsItem(0, null, null, null, null, null, null, null, null, null);

    private final DeclarationValidator validator = new DeclarationValidator(
            Clock.fixed(Declarations.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    @Test
    void twentyThousandEmptyGoodsItemsGiveOneProblem() {
        Declarations d = Declarations.co();
        d.goods = new ArrayList<>(Collections.nCopies(20_000, EMPTY));
        List<FieldError> errors = validator.validate(d.build()).errors();
        assertThat(errors).containsExactly(new FieldError("goods", ErrorCodes.LIMIT_EXCEEDED,
                "20000 goods items given; at most 500 are accepted"));
    }

    @Test
    void fiveHundredGoodsItemsAreStillValidated() {
        Declarations d = Declarations.co();
        d.goods = new ArrayList<>(Collections.nCopies(500, Declarations.item()));
        assertThat(validator.validate(d.build()).isValid()).isTrue();
    }

    @Test
    void longTextIsRefusedNamingTheFieldWithoutEchoingIt() {
        Declarations d = Declarations.co();
        String longName = "N".repeat(5_000);
        d.exporter = Declarations.party(longName, "88 Harbour Road");
        List<FieldError> errors = validator.validate(d.build()).errors();
        assertThat(errors).containsExactly(new FieldError("exporter.name", ErrorCodes.LIMIT_EXCEEDED,
                "is 5000 characters long; at most 1000 are accepted"));
    }

    @Test
    void aReferenceNumberWithCrLfIsRefused() {
        Declarations d = Declarations.co();
        d.referenceNumber = "CO-1\r\nX-Injected: yes";
        List<FieldError> errors = validator.validate(d.build()).errors();
        assertThat(errors).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("referenceNumber", ErrorCodes.INVALID_ID));
        assertThat(errors.get(0).message()).doesNotContain("\r", "\n");
    }

    @Test
    void hugeDecimalsAreRefusedBeforeArithmetic() {
        Declarations d = Declarations.co();
        d.goods = new ArrayList<>(List.of(Declarations.goodsItem(1, "Oak dining table", "940360", "RVC40", "CN",
                new BigDecimal("1e999999999"), "PCE", new BigDecimal("1e999999999"), "USD",
                new BigDecimal("-1e999999999"))));
        List<FieldError> errors = validator.validate(d.build()).errors();
        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder(
                "goods[0].quantity", "goods[0].fobValue", "goods[0].grossWeightKg");
        assertThat(errors).allSatisfy(e -> assertThat(e.code()).isEqualTo(ErrorCodes.LIMIT_EXCEEDED));
    }

    @Test
    void manyProblemsAreCapped() {
        Declarations d = Declarations.co();
        d.goods = new ArrayList<>(Collections.nCopies(500, EMPTY));
        List<FieldError> errors = validator.validate(d.build()).errors();
        assertThat(errors).hasSize(51);
        assertThat(errors.get(50).code()).isEqualTo(ErrorCodes.MORE_PROBLEMS);
        assertThat(errors.get(50).message()).matches("and \\d{4} more problem\\(s\\) not listed");
    }
}
