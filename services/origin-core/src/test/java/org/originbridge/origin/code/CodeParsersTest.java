package org.originbridge.origin.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.originbridge.origin.ErrorCodes;

class CodeParsersTest {

    @ParameterizedTest(name = "HS {0} -> {1}")
    @CsvSource({"940360,940360", "9403.60,940360", "' 9403 60 ',940360", "010121,010121"})
    void hsCodeAcceptsSixDigitsWithSeparators(String input, String expected) {
        assertThat(HsCode.parse(input).code()).isEqualTo(expected);
    }

    @Test
    void hsCodeViews() {
        HsCode hs = HsCode.parse("940360");
        assertThat(hs.chapter()).isEqualTo("94");
        assertThat(hs.chapterNumber()).isEqualTo(94);
        assertThat(hs.heading()).isEqualTo("9403");
        assertThat(hs.subheading()).isEqualTo("940360");
        assertThat(hs.dotted()).isEqualTo("9403.60");
        assertThat(hs.prefix(2)).isEqualTo("94");
    }

    @ParameterizedTest(name = "HS ''{0}'' rejected: {1}")
    @CsvSource(delimiter = '|', value = {
            "9403     | has 4 digits; a 6-digit subheading is required",
            "94036012 | has 8 digits",
            "94O360   | contains characters other than digits",
            "''       | HS code is missing",
            "000360   | chapter 00"})
    void hsCodeErrorsSayWhatIsWrong(String input, String message) {
        assertThatThrownBy(() -> HsCode.parse(input))
                .isInstanceOf(InvalidCodeException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((InvalidCodeException) e).code()).isEqualTo(ErrorCodes.INVALID_HS_CODE);
    }

    @Test
    void allFifteenRcepPartiesParse() {
        for (String code : "AU BN KH CN ID JP LA MY MM NZ PH SG KR TH VN".split(" ")) {
            assertThat(RcepParty.parse(code).name()).isEqualTo(code);
        }
        assertThat(RcepParty.values()).hasSize(15);
        assertThat(RcepParty.parse(" vn ")).isEqualTo(RcepParty.VN);
    }

    @ParameterizedTest(name = "party ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "US  | NOT_RCEP_PARTY  | US' is not an RCEP Party",
            "IN  | NOT_RCEP_PARTY  | IN' is not an RCEP Party",
            "XX  | INVALID_COUNTRY | XX' is not an ISO 3166-1 alpha-2 country code",
            "CHN | INVALID_COUNTRY | CHN' is not an ISO 3166-1 alpha-2 country code",
            "''  | INVALID_COUNTRY | country code is missing"})
    void partyErrors(String input, String code, String message) {
        assertThatThrownBy(() -> RcepParty.parse(input))
                .isInstanceOf(InvalidCodeException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((InvalidCodeException) e).code()).isEqualTo(code);
    }

    @ParameterizedTest(name = "LOCODE {0} -> {1}")
    @CsvSource({"VNCMT,VNCMT", "cnysa,CNYSA", "'MY PKG',MYPKG", "CNSHA,CNSGH", "CNSGH,CNSGH", "MYWSP,MYWSP", "JPTY2,JPTY2",
            "'CN SHA',CNSGH", "cnsha,CNSGH", "' cn sha ',CNSGH"})
    void unLocodeParsesAndMapsAlias(String input, String expected) {
        UnLocode locode = UnLocode.parse(input);
        assertThat(locode.code()).isEqualTo(expected);
        assertThat(locode.country()).isEqualTo(expected.substring(0, 2));
    }

    @ParameterizedTest(name = "LOCODE ''{0}'' rejected: {1}")
    @CsvSource(delimiter = '|', value = {
            "CNSH   | must be 5 characters",
            "CNSHAX | must be 5 characters",
            "1NSHA  | must start with a 2-letter country code",
            "QQSHA  | country part 'QQ' is not an ISO 3166-1 alpha-2 code",
            "CNS-A  | location part 'S-A' must be 3 letters or digits",
            "CNSH1  | location part 'SH1' must be 3 letters or digits 2-9",
            "'C NSHA' | must be 5 characters",
            "'CNS A'  | must be 3 letters or digits 2-9",
            "'CN  SHA' | must be 5 characters",
            "''     | UN/LOCODE is missing"})
    void unLocodeErrors(String input, String message) {
        assertThatThrownBy(() -> UnLocode.parse(input))
                .isInstanceOf(InvalidCodeException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((InvalidCodeException) e).code()).isEqualTo(ErrorCodes.INVALID_LOCODE);
    }

    @Test
    void moneyIsExactWithIsoCurrency() {
        Money m = Money.of("100.10", "usd");
        assertThat(m.amount()).isEqualByComparingTo("100.10");
        assertThat(m.amount().scale()).isEqualTo(2);
        assertThat(m.currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(m).hasToString("100.10 USD");
    }

    @ParameterizedTest(name = "currency ''{0}'' rejected: {1}")
    @CsvSource(delimiter = '|', value = {"US | must be a 3-letter ISO 4217 code", "ZZZ | is not an ISO 4217 code",
            "'' | currency is missing"})
    void currencyErrors(String input, String message) {
        assertThatThrownBy(() -> Money.parseCurrency(input)).isInstanceOf(InvalidCodeException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "decimal ''{0}'' rejected")
    @CsvSource({"abc", "1e5", "'1,000.00'", "1.2.3", "''"})
    void decimalsRejectNonPlainNumbers(String input) {
        assertThatThrownBy(() -> Decimals.parse(input)).isInstanceOf(InvalidCodeException.class)
                .extracting(e -> ((InvalidCodeException) e).code()).isEqualTo(ErrorCodes.INVALID_AMOUNT);
    }

    @Test
    void decimalsAreExact() {
        assertThat(Decimals.parse("0.1").add(Decimals.parse("0.2"))).isEqualTo(new BigDecimal("0.3"));
        assertThat(Decimals.parse("100.00").toPlainString()).isEqualTo("100.00");
        assertThatThrownBy(() -> Decimals.parseNonNegative("-1")).hasMessageContaining("must not be negative");
    }

    @Test
    void quantityAndWeight() {
        assertThat(Quantity.of(new BigDecimal("120"), "pce")).hasToString("120 PCE");
        assertThatThrownBy(() -> Quantity.of(BigDecimal.ZERO, "PCE")).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> Quantity.of(BigDecimal.ONE, "")).hasMessageContaining("unit");
        assertThat(Weight.ofKg("12.5").plus(Weight.ofKg("0.5")).kg()).isEqualByComparingTo("13.0");
        assertThatThrownBy(() -> Weight.ofKg("-1")).hasMessageContaining("must not be negative");
    }
}
