package org.originbridge.origin.code;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.InputLimits;

/** An exact amount in an ISO 4217 currency. */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /** Parses an ISO 4217 currency code (case-insensitive), e.g. {@code USD}. */
    public static Currency parseCurrency(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCodeException(ErrorCodes.INVALID_CURRENCY, "currency is missing");
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{3}")) {
            throw new InvalidCodeException(ErrorCodes.INVALID_CURRENCY,
                    "currency " + InputLimits.shown(text) + " must be a 3-letter ISO 4217 code");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidCodeException(ErrorCodes.INVALID_CURRENCY, "currency " + InputLimits.shown(text) + " is not an ISO 4217 code");
        }
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, parseCurrency(currency));
    }

    public static Money of(String amount, String currency) {
        return new Money(Decimals.parse(amount), parseCurrency(currency));
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
