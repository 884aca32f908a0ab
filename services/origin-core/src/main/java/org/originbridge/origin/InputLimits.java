package org.originbridge.origin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every bound OriginBridge puts on one declaration or origin request, in one place, as data. The same
 * limits apply whichever way the input came (HTTP, Kafka, CSV), so that a declaration intake accepts is
 * never refused further down the pipeline, and so that no input, however large or deep, can cost more
 * than milliseconds or produce an answer too large to publish.
 *
 * <p>Errors about a limit never echo the offending value: at most {@link #shown(String)}, a short,
 * sanitised prefix. The defaults ({@link #DEFAULT}) are what every parser and validator in origin-core uses.
 *
 * @param maxGoodsItems        goods items in one declaration (Annex 3B (d)); a real certificate has tens
 * @param maxMaterialsPerItem  materials in one bill of materials
 * @param maxListItems         any other list (equipment references, operations)
 * @param maxTextLength        characters in a free-text field (names, addresses, descriptions, places)
 * @param maxIdLength          characters in an identifier (declaration, supplier, material id, reference number)
 * @param maxRuleLength        characters in a product-specific rule text, e.g. {@code CTH or RVC40}
 * @param maxRuleDepth         parenthesis nesting of a rule text (the treaty's deepest rule nests 2)
 * @param maxDecimalDigits     characters of a decimal written as text (digits, sign and point)
 * @param maxDecimalScale      digits after the decimal point; also bounds an exponent's effect either way
 * @param maxReportedProblems  problems listed in one answer; the rest are counted in one last entry
 */
public record InputLimits(int maxGoodsItems, int maxMaterialsPerItem, int maxListItems, int maxTextLength,
                          int maxIdLength, int maxRuleLength, int maxRuleDepth, int maxDecimalDigits,
                          int maxDecimalScale, int maxReportedProblems) {

    /** The limits every OriginBridge service applies. */
    public static final InputLimits DEFAULT = new InputLimits(500, 500, 100, 1_000, 64, 500, 8, 40, 18, 50);

    /** Characters of a refused value shown back, at most. */
    public static final int SHOWN_PREFIX = 32;

    public InputLimits {
        if (maxGoodsItems < 1 || maxMaterialsPerItem < 1 || maxListItems < 1 || maxTextLength < 1 || maxIdLength < 1
                || maxRuleLength < 1 || maxRuleDepth < 1 || maxDecimalDigits < 1 || maxDecimalScale < 0
                || maxReportedProblems < 1) {
            throw new IllegalArgumentException("every limit must be positive");
        }
    }

    /** A problem when a list at {@code field} holds more than {@code max} entries. */
    public static Optional<FieldError> tooMany(String field, int count, int max, String what) {
        if (count <= max) {
            return Optional.empty();
        }
        return Optional.of(new FieldError(field, ErrorCodes.LIMIT_EXCEEDED,
                count + " " + what + " given; at most " + max + " are accepted"));
    }

    /** A problem when the free text at {@code field} is longer than {@link #maxTextLength}. */
    public Optional<FieldError> tooLong(String field, String text) {
        if (text == null || text.length() <= maxTextLength) {
            return Optional.empty();
        }
        return Optional.of(new FieldError(field, ErrorCodes.LIMIT_EXCEEDED,
                "is " + text.length() + " characters long; at most " + maxTextLength + " are accepted"));
    }

    /**
     * At most {@link #maxReportedProblems} problems; when there are more, the first ones and one last entry
     * ({@code field "$"}, code {@link ErrorCodes#MORE_PROBLEMS}) saying how many were left out. Keeps every
     * answer, and every rejection event, far below any size limit.
     */
    public List<FieldError> capped(List<FieldError> problems) {
        if (problems.size() <= maxReportedProblems) {
            return problems;
        }
        List<FieldError> kept = new ArrayList<>(problems.subList(0, maxReportedProblems));
        kept.add(new FieldError("$", ErrorCodes.MORE_PROBLEMS,
                "and " + (problems.size() - maxReportedProblems) + " more problem(s) not listed"));
        return kept;
    }

    /** An unknown property name as it may appear in a field path: itself when plain, else {@link #shown}. */
    public static String fieldName(String name) {
        return name != null && name.length() <= 64 && name.chars().allMatch(c -> c < 0x7f && Character.isLetterOrDigit(c)
                || c == '_') && !name.isEmpty() ? name : shown(name);
    }

    /**
     * A refused value as it may be shown back: at most {@value #SHOWN_PREFIX} characters, every control or
     * non-ASCII character replaced by {@code ?}, and the full length when cut, e.g. {@code '((((((((((((((((...' (50000 chars)}.
     */
    public static String shown(String value) {
        if (value == null) {
            return "null";
        }
        int end = Math.min(value.length(), SHOWN_PREFIX);
        StringBuilder b = new StringBuilder(end + 24).append('\'');
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            b.append(c >= 0x20 && c < 0x7f && c != '\'' ? c : '?');
        }
        b.append('\'');
        if (value.length() > end) {
            b.insert(b.length() - 1, "...").append(" (").append(value.length()).append(" chars)");
        }
        return b.toString();
    }
}
