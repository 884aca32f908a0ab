package org.originbridge.origin.bom;

import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.code.Decimals;
import org.originbridge.origin.code.InvalidCodeException;
import org.originbridge.origin.code.Money;

/**
 * The operator's exchange-rate table and the one rule for which rate converts a material's value:
 * <b>the latest rate dated on or before the relevant date</b> (the declaration's invoice date, else its issue
 * date), for the pair as stated, else the inverse of the reverse pair's rate of that same date. A rate older than
 * {@link #MAX_AGE_DAYS} days before the relevant date is not used (the conversion fails and says so, rather than
 * using a stale rate). Converted amounts are rounded half-up to 2 decimals; the rate is exact as given.
 */
public final class ExchangeRates {
    /** A rate is used only within this many days before the relevant date. */
    public static final long MAX_AGE_DAYS = 31;

    private static final Map<String, List<String>> COLUMNS = TabularText.columns(
            "rate_date|date", "currency|from", "quote_currency|to", "rate");

    private final List<Rate> rates;

    public ExchangeRates(Collection<Rate> rates) {
        this.rates = rates.stream().sorted(Comparator.comparing(Rate::date).reversed()).toList();
    }

    public static ExchangeRates none() {
        return new ExchangeRates(List.of());
    }

    /**
     * One unit of {@code currency} is worth {@code rate} units of {@code quoteCurrency} on {@code date}.
     */
    public record Rate(LocalDate date, Currency currency, Currency quoteCurrency, BigDecimal rate) {
        public Rate {
            if (rate.signum() <= 0) {
                throw new IllegalArgumentException("a rate must be positive");
            }
        }
    }

    /** A converted amount with the rate and its date, for the explanation. */
    public record Conversion(BigDecimal amount, Currency from, BigDecimal converted, Currency to, Rate rate,
                             boolean inverse) {
        /** e.g. {@code 100.00 EUR = 108.50 USD at 1 EUR = 1.085 USD (rate of 2026-11-27)}. */
        public String describe() {
            if (rate == null) {
                return amount.toPlainString() + " " + from.getCurrencyCode();
            }
            return amount.toPlainString() + " " + from.getCurrencyCode() + " = " + converted.toPlainString() + " "
                    + to.getCurrencyCode() + " at 1 " + rate.currency().getCurrencyCode() + " = "
                    + rate.rate().toPlainString() + " " + rate.quoteCurrency().getCurrencyCode()
                    + (inverse ? " (inverted)" : "") + " (rate of " + rate.date() + ")";
        }
    }

    /** Thrown when no usable rate exists; its message names the pair and the date. */
    public static final class NoRate extends InvalidCodeException {
        public NoRate(String message) {
            super(ErrorCodes.INVALID_CURRENCY, message);
        }
    }

    /** {@code amount} in {@code from}, converted to {@code to} with the rate that applies on {@code on}. */
    public Conversion convert(BigDecimal amount, Currency from, Currency to, LocalDate on) {
        if (from.equals(to)) {
            return new Conversion(amount, from, amount, to, null, false);
        }
        LocalDate oldest = on.minusDays(MAX_AGE_DAYS);
        for (Rate r : rates) { // newest first
            if (r.date().isAfter(on)) {
                continue;
            }
            if (r.date().isBefore(oldest)) {
                break;
            }
            if (r.currency().equals(from) && r.quoteCurrency().equals(to)) {
                return new Conversion(amount, from, Decimals.bounded(amount.multiply(r.rate())
                        .setScale(2, RoundingMode.HALF_UP)), to, r, false);
            }
            if (r.currency().equals(to) && r.quoteCurrency().equals(from)) {
                return new Conversion(amount, from, Decimals.bounded(amount.divide(r.rate(), MathContext.DECIMAL64)
                        .setScale(2, RoundingMode.HALF_UP)), to, r, true);
            }
        }
        throw new NoRate("no exchange rate " + from.getCurrencyCode() + "/" + to.getCurrencyCode() + " dated between "
                + oldest + " and " + on + " (the latest on or before the relevant date, at most " + MAX_AGE_DAYS
                + " days old); load one with the rate table");
    }

    public List<Rate> rates() {
        return rates;
    }

    /** The rates read from one upload, or every error. */
    public record Upload(List<Rate> rates, List<FieldError> errors) {
        public Upload {
            rates = List.copyOf(rates);
            errors = List.copyOf(errors);
        }

        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    /**
     * Reads the operator's CSV: {@code rate_date,currency,quote_currency,rate}, e.g.
     * {@code 2026-11-27,EUR,USD,1.0850} (1 EUR = 1.0850 USD). Rates are positive decimals of at most 18 decimals.
     */
    public static Upload read(Reader reader, String source, BomLimits limits) {
        List<Rate> out = new ArrayList<>();
        List<FieldError> errors = TabularText.read(reader, source, limits, COLUMNS,
                List.of("rate_date", "currency", "quote_currency", "rate"), row -> {
                    LocalDate date = row.parse("rate_date", true, SupplierDeclarations::date);
                    Currency from = row.parse("currency", true, Money::parseCurrency);
                    Currency to = row.parse("quote_currency", true, Money::parseCurrency);
                    BigDecimal rate = row.parse("rate", true, Decimals::parse);
                    if (row.ok() && rate.signum() <= 0) {
                        row.fail("rate", ErrorCodes.INVALID_AMOUNT, "a rate must be positive");
                    }
                    if (row.ok() && from.equals(to)) {
                        row.fail("quote_currency", ErrorCodes.INVALID_VALUE, "a rate converts between two currencies");
                    }
                    if (row.ok()) {
                        out.add(new Rate(date, from, to, rate));
                    }
                });
        return new Upload(errors.isEmpty() ? out : List.of(), errors);
    }

    /** A rate table holding {@code rates}. */
    public static ExchangeRates of(Collection<Rate> rates) {
        return new ExchangeRates(rates);
    }

    /** The latest rate for the pair on or before {@code on}, when one exists (for display). */
    public Optional<Rate> latest(Currency from, Currency to, LocalDate on) {
        return rates.stream().filter(r -> !r.date().isAfter(on))
                .filter(r -> r.currency().equals(from) && r.quoteCurrency().equals(to)).findFirst();
    }
}
