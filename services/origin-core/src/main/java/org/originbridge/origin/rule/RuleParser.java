package org.originbridge.origin.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses rule texts such as {@code WO}, {@code CTH or RVC40}, {@code CTSH and RVC40}. Grammar
 * (case-insensitive; {@code and} binds tighter than {@code or}; parentheses group):
 * <pre>
 *   rule   := term ("or" term)*
 *   term   := factor ("and" factor)*
 *   factor := "WO" | "PE" | "CC" | "CTH" | "CTSH" | "CR" | "RVC" digits | "(" rule ")"
 * </pre>
 */
public final class RuleParser {
    private static final Pattern TOKEN = Pattern.compile("\\s*([()]|[^\\s()]+)");
    private static final Pattern RVC = Pattern.compile("RVC(\\d{1,3})");

    private final String text;
    private final List<String> tokens = new ArrayList<>();
    private final List<Integer> positions = new ArrayList<>();
    private int next;

    private RuleParser(String text) {
        this.text = text;
        Matcher m = TOKEN.matcher(text);
        while (m.lookingAt()) {
            tokens.add(m.group(1));
            positions.add(m.start(1));
            m.region(m.end(), text.length());
        }
    }

    /** Parses {@code text}; throws {@link RuleParseException} naming the first unparseable token. */
    public static Rule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new RuleParseException("rule text is empty", "", 0);
        }
        RuleParser parser = new RuleParser(text);
        Rule rule = parser.rule();
        if (parser.next < parser.tokens.size()) {
            throw parser.error("unexpected token '" + parser.peek() + "'"
                    + " (expected 'and', 'or' or the end of the rule)");
        }
        return rule;
    }

    private Rule rule() {
        List<Rule> alternatives = new ArrayList<>();
        alternatives.add(term());
        while (accept("OR")) {
            alternatives.add(term());
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new Rule.AnyOf(alternatives);
    }

    private Rule term() {
        List<Rule> requirements = new ArrayList<>();
        requirements.add(factor());
        while (accept("AND")) {
            requirements.add(factor());
        }
        return requirements.size() == 1 ? requirements.get(0) : new Rule.AllOf(requirements);
    }

    private Rule factor() {
        if (next >= tokens.size()) {
            throw error("rule ends where a criterion (WO, PE, CC, CTH, CTSH, RVCnn, CR) was expected");
        }
        String token = tokens.get(next);
        String upper = token.toUpperCase(Locale.ROOT);
        if (upper.equals("(")) {
            next++;
            Rule inner = rule();
            if (!accept(")")) {
                throw error(next < tokens.size() ? "expected ')' but found '" + peek() + "'" : "missing ')'");
            }
            return inner;
        }
        Rule leaf = switch (upper) {
            case "WO" -> new Rule.WhollyObtained();
            case "PE" -> new Rule.ProducedExclusively();
            case "CC" -> new Rule.TariffChange(Rule.Level.CHAPTER);
            case "CTH" -> new Rule.TariffChange(Rule.Level.HEADING);
            case "CTSH" -> new Rule.TariffChange(Rule.Level.SUBHEADING);
            case "CR" -> new Rule.ChemicalReaction();
            default -> rvc(upper);
        };
        next++;
        return leaf;
    }

    private Rule rvc(String upper) {
        Matcher m = RVC.matcher(upper);
        if (m.matches()) {
            int threshold = Integer.parseInt(m.group(1));
            if (threshold >= 1 && threshold <= 100) {
                return new Rule.RegionalValueContent(threshold);
            }
            throw error("RVC threshold in '" + peek() + "' must be between 1 and 100");
        }
        throw error("unknown criterion '" + peek() + "' (expected WO, PE, CC, CTH, CTSH, RVCnn or CR)");
    }

    private boolean accept(String keyword) {
        if (next < tokens.size() && tokens.get(next).toUpperCase(Locale.ROOT).equals(keyword)) {
            next++;
            return true;
        }
        return false;
    }

    private String peek() {
        return tokens.get(next);
    }

    private RuleParseException error(String problem) {
        boolean atEnd = next >= tokens.size();
        int position = atEnd ? text.length() : positions.get(next);
        String token = atEnd ? "" : tokens.get(next);
        return new RuleParseException("cannot parse rule '" + text.strip() + "': " + problem
                + " at position " + position, token, position);
    }
}
