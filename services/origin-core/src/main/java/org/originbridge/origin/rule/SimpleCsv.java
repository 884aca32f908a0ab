package org.originbridge.origin.rule;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line (RFC 4180 quoting: "a, b" and "" for a quote inside quotes). */
public final class SimpleCsv {
    private SimpleCsv() {
    }

    /** @throws IllegalArgumentException when a quoted field is not closed */
    public static List<String> split(String line) {
        return split(line, ',');
    }

    /**
     * Splits on {@code delimiter} (',' ';' or a tab, as spreadsheet exports write them), with the same quoting.
     *
     * @throws IllegalArgumentException when a quoted field is not closed
     */
    public static List<String> split(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote");
        }
        cells.add(cell.toString());
        return cells;
    }
}
