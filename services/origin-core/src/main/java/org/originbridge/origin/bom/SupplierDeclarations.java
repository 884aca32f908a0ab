package org.originbridge.origin.bom;

import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.InputLimits;
import org.originbridge.origin.code.InvalidCodeException;
import org.originbridge.origin.code.RcepParty;

/**
 * Which supplier declaration decides a bought-in material on a date, and the CSV they are uploaded as.
 * <ul>
 *   <li>Only declarations whose validity period covers the date count.</li>
 *   <li>When the BOM line names its supplier, only that supplier's declarations count; otherwise any supplier's
 *       for that material.</li>
 *   <li>Among those, the one with the latest {@code validFrom} wins (a newer declaration replaces an older one);
 *       when two from different suppliers disagree and the line names no supplier, the material is
 *       non-originating (the exporter cannot show which supplier's material went into the good).</li>
 * </ul>
 */
public final class SupplierDeclarations {
    /** The longest validity period accepted (a long-term supplier's declaration covers at most two years). */
    public static final long MAX_VALIDITY_DAYS = 2 * 366;

    private static final Map<String, List<String>> COLUMNS = TabularText.columns(
            "supplier|vendor", "material|component", "originating|origin_status", "party|country_of_origin",
            "valid_from", "valid_to");

    private SupplierDeclarations() {
    }

    /** The lookup port: every declaration held for {@code material}. */
    @FunctionalInterface
    public interface Lookup {
        Lookup NONE = material -> List.of();

        List<SupplierDeclaration> forMaterial(String material);
    }

    /** The declaration that decides {@code material} (from {@code supplier}, when known) on {@code date}. */
    public static Optional<Decision> decide(List<SupplierDeclaration> held, String supplier, LocalDate date) {
        List<SupplierDeclaration> valid = held.stream().filter(d -> d.coversDate(date))
                .filter(d -> supplier == null || d.supplier().equals(supplier))
                .sorted(Comparator.comparing(SupplierDeclaration::validFrom).reversed()).toList();
        if (valid.isEmpty()) {
            return Optional.empty();
        }
        if (supplier == null && valid.stream().map(SupplierDeclaration::supplier).distinct().count() > 1) {
            Optional<SupplierDeclaration> negative = valid.stream().filter(d -> !d.originating()).findFirst();
            if (negative.isPresent()) {
                return Optional.of(new Decision(negative.get(), "suppliers' declarations disagree and the line names "
                        + "no supplier; " + negative.get().describe() + " decides"));
            }
        }
        return Optional.of(new Decision(valid.get(0), valid.get(0).describe()));
    }

    /** The declaration used and why. */
    public record Decision(SupplierDeclaration declaration, String explanation) {
    }

    /** The declarations read from one upload, or every error. */
    public record Upload(List<SupplierDeclaration> declarations, List<FieldError> errors) {
        public Upload {
            declarations = List.copyOf(declarations);
            errors = List.copyOf(errors);
        }

        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    /**
     * Reads the CSV (header {@code supplier,material,originating,party,valid_from,valid_to}; {@code originating}
     * true/false or ORIGINATING/NON_ORIGINATING; {@code party} an RCEP Party, required when originating; dates
     * ISO {@code yyyy-MM-dd}; the period at most {@value #MAX_VALIDITY_DAYS} days).
     */
    public static Upload read(Reader reader, String source, BomLimits limits) {
        List<SupplierDeclaration> out = new ArrayList<>();
        List<FieldError> errors = TabularText.read(reader, source, limits, COLUMNS,
                List.of("supplier", "material", "originating", "valid_from", "valid_to"), row -> {
                    String supplier = row.id("supplier", true);
                    String material = row.id("material", true);
                    Boolean originating = row.parse("originating", true, SupplierDeclarations::originating);
                    RcepParty party = row.parse("party", Boolean.TRUE.equals(originating), RcepParty::parse);
                    LocalDate from = row.parse("valid_from", true, SupplierDeclarations::date);
                    LocalDate to = row.parse("valid_to", true, SupplierDeclarations::date);
                    if (row.ok() && to.isBefore(from)) {
                        row.fail("valid_to", ErrorCodes.DATE_ORDER, "valid_to " + to + " is before valid_from " + from);
                    }
                    if (row.ok() && ChronoUnit.DAYS.between(from, to) > MAX_VALIDITY_DAYS) {
                        row.fail("valid_to", ErrorCodes.LIMIT_EXCEEDED, "a supplier's declaration covers at most "
                                + MAX_VALIDITY_DAYS + " days (" + from + ".." + to + " is longer)");
                    }
                    if (row.ok()) {
                        out.add(new SupplierDeclaration(supplier, material, originating, party, from, to));
                    }
                });
        return new Upload(errors.isEmpty() ? out : List.of(), errors);
    }

    static Boolean originating(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return t.equals("true");
        }
        return switch (BomRules.parseOrigin(text)) {
            case ORIGINATING -> true;
            case NON_ORIGINATING -> false;
            case UNDETERMINED -> throw new InvalidCodeException(ErrorCodes.INVALID_VALUE,
                    "a supplier's declaration says originating or not; UNDETERMINED declares nothing");
        };
    }

    /** An ISO date, {@code yyyy-MM-dd}. */
    static LocalDate date(String text) {
        try {
            if (text.length() != 10) {
                throw new DateTimeParseException("length", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidCodeException(ErrorCodes.INVALID_FORMAT, InputLimits.shown(text) + " is not a date yyyy-MM-dd");
        }
    }
}
