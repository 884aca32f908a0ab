package org.originbridge.origin.bom;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.InputLimits;
import org.originbridge.origin.code.InvalidCodeException;
import org.originbridge.origin.rule.SimpleCsv;

/**
 * The one way the ERP-facing readers (generic BOM CSV, SAP multi-level BOM, supplier declarations, exchange rates)
 * read a table of text: a header row naming the columns (any order, case-insensitive, each column known by its
 * aliases), the delimiter taken from the header (tab, ';' or ','), blank lines and {@code #} lines skipped, a UTF-8
 * byte order mark dropped, every line and the number of lines bounded ({@link BomLimits}) while reading, and every
 * problem reported as a {@link FieldError} naming the source, the line and the column.
 */
final class TabularText {

    private TabularText() {
    }

    /** Column name -> the header labels that mean it (the name itself included). */
    static Map<String, List<String>> columns(String... nameThenAliases) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String spec : nameThenAliases) {
            String[] parts = spec.split("\\|");
            map.put(parts[0], List.of(parts));
        }
        return map;
    }

    /**
     * Reads the table, calling {@code rows} for each data row.
     *
     * @return every problem found (capped at {@link InputLimits#maxReportedProblems()} plus a count)
     */
    static List<FieldError> read(Reader reader, String source, BomLimits limits, Map<String, List<String>> known,
                                 List<String> required, Consumer<Row> rows) {
        List<FieldError> errors = new ArrayList<>();
        LineReader in = new LineReader(reader, limits.maxLineLength());
        Map<String, Integer> header = null;
        char delimiter = ',';
        int dataLines = 0;
        String line;
        while ((line = in.next()) != null) {
            int lineNo = in.lineNo();
            if (in.tooLong()) {
                errors.add(error(source, lineNo, null, ErrorCodes.LIMIT_EXCEEDED,
                        "the line is longer than " + limits.maxLineLength() + " characters"));
                continue;
            }
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (header == null) {
                delimiter = delimiter(line);
            }
            List<String> cells;
            try {
                cells = SimpleCsv.split(line, delimiter);
            } catch (IllegalArgumentException e) {
                errors.add(error(source, lineNo, null, ErrorCodes.INVALID_FORMAT, e.getMessage()));
                continue;
            }
            if (header == null) {
                Map<String, Integer> found = header(cells, known);
                header = found;
                List<String> missing = required.stream().filter(c -> !found.containsKey(c)).toList();
                if (!missing.isEmpty()) {
                    errors.add(error(source, lineNo, null, ErrorCodes.REQUIRED, "the header row lacks the column(s) "
                            + String.join(", ", missing.stream().map(c -> known.get(c).get(0)
                            + (known.get(c).size() > 1 ? " (or " + String.join(" / ", known.get(c).subList(1, known.get(c).size())) + ")" : "")).toList())));
                    return errors;
                }
                continue;
            }
            if (++dataLines > limits.maxLines()) {
                errors.add(error(source, lineNo, null, ErrorCodes.LIMIT_EXCEEDED, "more than " + limits.maxLines()
                        + " data lines; split the upload (the rest of the file was not read)"));
                break;
            }
            rows.accept(new Row(source, lineNo, cells, header, errors));
        }
        if (header == null) {
            errors.add(error(source, Math.max(in.lineNo(), 1), null, ErrorCodes.REQUIRED,
                    "the file is empty; expected a header row with " + String.join(", ", required)));
        }
        return InputLimits.DEFAULT.capped(errors);
    }

    static FieldError error(String source, int line, String column, String code, String problem) {
        String where = source + " line " + line + (column == null ? "" : ", column " + column);
        return new FieldError(where, code, where + ": " + problem);
    }

    private static char delimiter(String headerLine) {
        if (headerLine.indexOf('\t') >= 0) {
            return '\t';
        }
        long semicolons = headerLine.chars().filter(c -> c == ';').count();
        long commas = headerLine.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    private static Map<String, Integer> header(List<String> cells, Map<String, List<String>> known) {
        Map<String, String> byLabel = new HashMap<>();
        known.forEach((name, labels) -> labels.forEach(l -> byLabel.put(normal(l), name)));
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = byLabel.get(normal(cells.get(i)));
            if (name != null) {
                columns.putIfAbsent(name, i);
            }
        }
        return columns;
    }

    private static String normal(String label) {
        return label.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** One data row; {@link #ok()} is false once any of its cells failed. */
    static final class Row {
        private final String source;
        private final int lineNo;
        private final List<String> cells;
        private final Map<String, Integer> columns;
        private final List<FieldError> errors;
        private boolean ok = true;

        Row(String source, int lineNo, List<String> cells, Map<String, Integer> columns, List<FieldError> errors) {
            this.source = source;
            this.lineNo = lineNo;
            this.cells = cells;
            this.columns = columns;
            this.errors = errors;
        }

        int lineNo() {
            return lineNo;
        }

        boolean ok() {
            return ok;
        }

        boolean has(String column) {
            return columns.containsKey(column);
        }

        /** The stripped cell, null when absent or empty. */
        String cell(String column) {
            Integer i = columns.get(column);
            if (i == null || i >= cells.size()) {
                return null;
            }
            String v = cells.get(i).strip();
            return v.isEmpty() ? null : v;
        }

        /** A cell parsed by one of the shared parsers; a failure is recorded against the column. */
        <T> T parse(String column, boolean required, Function<String, T> parser) {
            String v = cell(column);
            if (v == null) {
                if (required) {
                    fail(column, ErrorCodes.REQUIRED, "is empty");
                }
                return null;
            }
            try {
                return parser.apply(v);
            } catch (InvalidCodeException e) {
                fail(column, e.code(), e.getMessage());
                return null;
            }
        }

        /** An identifier (material, supplier): at most {@link InputLimits#maxIdLength()} characters. */
        String id(String column, boolean required) {
            return parse(column, required, v -> {
                if (v.length() > InputLimits.DEFAULT.maxIdLength() || v.chars().anyMatch(Character::isISOControl)) {
                    throw new InvalidCodeException(ErrorCodes.INVALID_ID, InputLimits.shown(v) + " is not an identifier of at most "
                            + InputLimits.DEFAULT.maxIdLength() + " printable characters");
                }
                return v;
            });
        }

        /** Free text: at most {@link InputLimits#maxTextLength()} characters. */
        String text(String column) {
            String v = cell(column);
            if (v != null && v.length() > InputLimits.DEFAULT.maxTextLength()) {
                fail(column, ErrorCodes.LIMIT_EXCEEDED, "is longer than " + InputLimits.DEFAULT.maxTextLength() + " characters");
                return null;
            }
            return v;
        }

        void fail(String column, String code, String problem) {
            ok = false;
            errors.add(error(source, lineNo, column, code, problem));
        }
    }

    /** Reads lines without ever holding more than {@code max} characters of one. */
    private static final class LineReader {
        private final Reader in;
        private final int max;
        private final StringBuilder line = new StringBuilder();
        private int lineNo;
        private boolean tooLong;
        private boolean eof;

        LineReader(Reader in, int max) {
            this.in = in;
            this.max = max;
        }

        String next() {
            if (eof) {
                return null;
            }
            line.setLength(0);
            tooLong = false;
            try {
                int c;
                boolean any = false;
                while ((c = in.read()) != -1) {
                    any = true;
                    if (c == '\n') {
                        break;
                    }
                    if (c == '\r') {
                        continue;
                    }
                    if (line.length() < max) {
                        line.append((char) c);
                    } else {
                        tooLong = true;
                    }
                }
                if (c == -1) {
                    eof = true;
                    if (!any) {
                        return null;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            lineNo++;
            return line.toString();
        }

        int lineNo() {
            return lineNo;
        }

        boolean tooLong() {
            return tooLong;
        }
    }
}
