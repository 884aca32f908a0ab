package org.originbridge.origin.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.originbridge.origin.InputLimits;

/**
 * Parses rule texts such as {@code WO}, {@code CTH or RVC40}, {@code CTSH and RVC40}. Grammar
 * (case-insensitive; {@code and} binds tighter than {@code or}; parentheses group):
 * <pre>
 *   rule   := term ("or" term)*
 *   term   := factor ("and" factor)*
 *   factor := "WO" | "PE" | "CC" | "CTH" | "CTSH" | "CR" | "RVC" digits | "(" rule ")"
 * </pre>
 * Bounded: a text longer than {@link InputLimits#maxRuleLength()} is refused before it is tokenised, and
 * parentheses nested deeper than {@link InputLimits#maxRuleDepth()} are refused before the parser recurses,
 * so no input can exhaust the stack. Errors show at most a short prefix of the rule.
 */
public final class RuleParser {
    private static final Pattern TOKEN = Pattern.compile("\\s*([()]|[^\\s()]+)");
    private static final Pattern RVC = Pattern.compile("RVC(\\d{1,3})");

    private final String text;
    private final List<String> tokens = new ArrayList<>();
    private final List<Integer> positions = new ArrayList<>();
    private int next;
    private int depth;

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
        int maxLength = InputLimits.DEFAULT.maxRuleLength();
        if (text.length() > maxLength) {
            throw new RuleParseException("the rule is " + text.length() + " characters long; at most " + maxLength
                    + " are accepted", "", maxLength);
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
            if (depth >= InputLimits.DEFAULT.maxRuleDepth()) {
                throw error("parentheses nest deeper than " + InputLimits.DEFAULT.maxRuleDepth() + " levels");
            }
            next++;
            depth++;
            Rule inner = rule();
            depth--;
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

    /** The current token as shown in a message: printable ASCII, at most 20 characters. */
    private String peek() {
        String token = tokens.get(next);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(token.length(), 20); i++) {
            char c = token.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return token.length() > 20 ? b + "..." : b.toString();
    }

    private RuleParseException error(String problem) {
        boolean atEnd = next >= tokens.size();
        int position = atEnd ? text.length() : positions.get(next);
        String token = atEnd ? "" : tokens.get(next);
        String shown = text.strip().length() <= 60 ? "'" + text.strip() + "'" : InputLimits.shown(text.strip());
        return new RuleParseException("cannot parse rule " + shown + ": " + problem
                + " at position " + position, token, position);
    }
}
