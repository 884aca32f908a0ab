package org.originbridge.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of PromQL to say which metrics and labels a query names: the metric selectors
 * (name plus the label names of its matchers) and the labels of every {@code by}, {@code without},
 * {@code on}, {@code ignoring} and {@code group_left/right} clause. Strings, durations, numbers,
 * functions, keywords and Grafana variables ({@code $application}, {@code $__rate_interval}) are
 * skipped. A selector without a metric name ({@code {__name__=~"..."}}) is reported as such, so a
 * test can refuse it: such queries cannot be checked and collapse series (issue 12).
 */
final class PromQl {

    /**
     * One {@code metric{label="..."}} selector: its matchers' label names, the values of its exact
     * ({@code =}) matchers and the patterns of its regex ({@code =~}) matchers (Grafana variables excluded).
     */
    record Selector(String metric, Set<String> matcherLabels, Map<String, String> exactValues, Map<String, String> regexValues) {
    }

    /** What one expression names. */
    record Names(List<Selector> selectors, Set<String> groupingLabels, boolean hasNamelessSelector) {

        Set<String> metrics() {
            Set<String> metrics = new LinkedHashSet<>();
            selectors.forEach(s -> metrics.add(s.metric()));
            return metrics;
        }
    }

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "inf", "nan", "atan2",
            // aggregation operators, which may be followed by "by (...)" before their parenthesis
            "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
            "quantile", "limitk", "limit_ratio");
    private static final Set<String> LABEL_LIST_KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");
    private static final Pattern REGEX = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*=~\\s*\"([^\"\\\\$]*)\"");
    private static final Pattern EXACT = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"([^\"\\\\$]*)\"");

    private PromQl() {
    }

    static Names parse(String expr) {
        requireBalancedParentheses(expr);
        List<Selector> selectors = new ArrayList<>();
        Set<String> grouping = new LinkedHashSet<>();
        boolean nameless = false;
        int i = 0;
        int n = expr.length();
        while (i < n) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expr, i);
            } else if (c == '[') {
                i = expr.indexOf(']', i) + 1;
                if (i == 0) {
                    throw new IllegalArgumentException("unclosed [ in " + expr);
                }
            } else if (c == '{') {
                // a selector with no metric name in front of it
                int end = closing(expr, i);
                nameless = true;
                i = end + 1;
            } else if (c == '$') {
                i++;
                if (i < n && expr.charAt(i) == '{') {
                    i = expr.indexOf('}', i) + 1;
                } else {
                    while (i < n && isIdentifierPart(expr.charAt(i))) {
                        i++;
                    }
                }
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(expr.charAt(i + 1)))) {
                while (i < n && (isIdentifierPart(expr.charAt(i)) || expr.charAt(i) == '.')) {
                    i++;
                }
            } else if (isIdentifierStart(c)) {
                int start = i;
                while (i < n && (isIdentifierPart(expr.charAt(i)) || expr.charAt(i) == ':')) {
                    i++;
                }
                String word = expr.substring(start, i);
                int next = skipSpaces(expr, i);
                boolean call = next < n && expr.charAt(next) == '(';
                if (LABEL_LIST_KEYWORDS.contains(word) && call) {
                    int end = closing(expr, next);
                    for (String label : expr.substring(next + 1, end).split(",")) {
                        if (!label.isBlank()) {
                            grouping.add(label.strip());
                        }
                    }
                    i = end + 1;
                } else if (call || KEYWORDS.contains(word.toLowerCase())) {
                    // a function or aggregation (its arguments are read on), or an operator keyword
                } else {
                    Set<String> labels = new LinkedHashSet<>();
                    Map<String, String> exact = new LinkedHashMap<>();
                    Map<String, String> regex = new LinkedHashMap<>();
                    if (next < n && expr.charAt(next) == '{') {
                        int end = closing(expr, next);
                        String matchers = expr.substring(next + 1, end);
                        Matcher m = MATCHER.matcher(withoutStrings(matchers));
                        while (m.find()) {
                            labels.add(m.group(1));
                        }
                        Matcher e = EXACT.matcher(matchers);
                        while (e.find()) {
                            exact.put(e.group(1), e.group(2));
                        }
                        Matcher r = REGEX.matcher(matchers);
                        while (r.find()) {
                            regex.put(r.group(1), r.group(2));
                        }
                        i = end + 1;
                    }
                    selectors.add(new Selector(word, labels, exact, regex));
                }
            } else {
                i++;
            }
        }
        return new Names(selectors, grouping, nameless);
    }

    private static void requireBalancedParentheses(String expr) {
        int depth = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expr, i) - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                throw new IllegalArgumentException("unbalanced ) in " + expr);
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unclosed ( in " + expr);
        }
    }

    private static int closing(String expr, int open) {
        char o = expr.charAt(open);
        char close = o == '(' ? ')' : '}';
        int depth = 0;
        for (int i = open; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expr, i) - 1;
            } else if (c == o) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed " + o + " in " + expr);
    }

    private static int skipString(String expr, int start) {
        char quote = expr.charAt(start);
        for (int i = start + 1; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '\\' && quote != '`') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("unclosed string in " + expr);
    }

    private static String withoutStrings(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(s, i) - 1;
                out.append("\"\"");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int skipSpaces(String expr, int i) {
        while (i < expr.length() && Character.isWhitespace(expr.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
