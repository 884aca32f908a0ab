package org.originbridge.origin.bom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;

class ExchangeRatesTest {
    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency USD = Currency.getInstance("USD");
    static final Currency CNY = Currency.getInstance("CNY");

    static ExchangeRates table() {
        ExchangeRates.Upload upload = ExchangeRates.read(new StringReader("""
                rate_date,currency,quote_currency,rate
                2026-11-20,EUR,USD,1.0500
                2026-11-27,EUR,USD,1.0850
                2026-11-29,EUR,USD,1.2000
                2026-11-27,USD,CNY,7.1000
                """), "rates.csv", BomLimits.DEFAULT);
        assertThat(upload.errors()).isEmpty();
        return ExchangeRates.of(upload.rates());
    }

    @Test
    void theLatestRateOnOrBeforeTheDateApplies() {
        ExchangeRates.Conversion c = table().convert(new BigDecimal("100.00"), EUR, USD, LocalDate.of(2026, 11, 28));
        assertThat(c.converted()).isEqualByComparingTo("108.50");
        assertThat(c.rate().date()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(c.describe()).isEqualTo("100.00 EUR = 108.50 USD at 1 EUR = 1.0850 USD (rate of 2026-11-27)");
        assertThat(table().convert(new BigDecimal("100.00"), EUR, USD, LocalDate.of(2026, 11, 27)).converted())
                .isEqualByComparingTo("108.50");
    }

    @Test
    void theReversePairIsInvertedAndRoundedHalfUpToCents() {
        ExchangeRates.Conversion c = table().convert(new BigDecimal("100.00"), CNY, USD, LocalDate.of(2026, 11, 28));
        assertThat(c.converted()).isEqualByComparingTo("14.08"); // 100 / 7.1 = 14.0845...
        assertThat(c.inverse()).isTrue();
    }

    @Test
    void noRateOrAStaleRateIsRefusedNotGuessed() {
        assertThatThrownBy(() -> table().convert(BigDecimal.ONE, EUR, CNY, LocalDate.of(2026, 11, 28)))
                .isInstanceOf(ExchangeRates.NoRate.class).hasMessageContaining("EUR/CNY");
        assertThatThrownBy(() -> table().convert(BigDecimal.ONE, EUR, USD, LocalDate.of(2027, 3, 1)))
                .isInstanceOf(ExchangeRates.NoRate.class).hasMessageContaining("at most 31 days old");
        assertThatThrownBy(() -> table().convert(BigDecimal.ONE, EUR, USD, LocalDate.of(2026, 11, 1)))
                .isInstanceOf(ExchangeRates.NoRate.class);
    }

    @Test
    void hostileRatesAreRefusedPerCell() {
        ExchangeRates.Upload upload = ExchangeRates.read(new StringReader("rate_date,currency,quote_currency,rate\n"
                + "2026-11-27,EUR,USD,1e999999999\n2026-11-27,EUR,USD,0\n2026-11-27,EUR,EUR,1\n2026-11-27,EUR,XXY,1\n"
                + "2026-11-27,EUR,USD," + "1".repeat(5000) + "\n"), "r", BomLimits.DEFAULT);
        assertThat(upload.rates()).isEmpty();
        assertThat(upload.errors()).extracting(FieldError::code).containsExactly(ErrorCodes.INVALID_AMOUNT,
                ErrorCodes.INVALID_AMOUNT, ErrorCodes.INVALID_VALUE, ErrorCodes.INVALID_CURRENCY, ErrorCodes.LIMIT_EXCEEDED);
    }
}
