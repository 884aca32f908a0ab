package org.originbridge.origin.rule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.originbridge.origin.code.HsCode;

/**
 * Product-specific rules loaded from a CSV file: {@code hs_code,rule,provenance} with a header row;
 * blank lines and lines starting with {@code #} are ignored; a field may be double-quoted.
 * {@link #lookup} falls back from subheading to heading to chapter.
 */
public final class RuleTable implements RuleLookup {
    /** The table shipped with the module. */
    public static final String DEFAULT_RESOURCE = "/rules/rcep-psr.csv";

    private final Map<String, RuleEntry> entries;

    private RuleTable(Map<String, RuleEntry> entries) {
        this.entries = Map.copyOf(entries);
    }

    public static RuleTable empty() {
        return new RuleTable(Map.of());
    }

    public static RuleTable of(Collection<RuleEntry> entries) {
        Map<String, RuleEntry> map = new LinkedHashMap<>();
        for (RuleEntry e : entries) {
            if (map.putIfAbsent(e.hsPrefix(), e) != null) {
                throw new IllegalArgumentException("duplicate rule for HS " + e.hsPrefix());
            }
        }
        return new RuleTable(map);
    }

    /** Loads {@value #DEFAULT_RESOURCE} from the classpath. */
    public static RuleTable loadDefault() {
        try (InputStream in = RuleTable.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("rule table " + DEFAULT_RESOURCE + " is not on the classpath");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a rule table; an error names the source, the line and what is wrong. */
    public static RuleTable parse(Reader reader, String sourceName) {
        List<RuleEntry> rows = new ArrayList<>();
        Map<String, Integer> seenOnLine = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            String line;
            int lineNo = 0;
            boolean headerSeen = false;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                List<String> cells;
                try {
                    cells = SimpleCsv.split(line);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(sourceName + " line " + lineNo + ": " + e.getMessage(), e);
                }
                if (!headerSeen) {
                    headerSeen = true;
                    if (!cells.get(0).strip().equalsIgnoreCase("hs_code")) {
                        throw new IllegalArgumentException(sourceName + " line " + lineNo
                                + ": expected the header 'hs_code,rule,provenance'");
                    }
                    continue;
                }
                if (cells.size() != 3) {
                    throw new IllegalArgumentException(sourceName + " line " + lineNo + ": expected 3 columns "
                            + "(hs_code,rule,provenance), found " + cells.size());
                }
                String hs = cells.get(0).strip().replace(".", "");
                if (!hs.matches("\\d{2}|\\d{4}|\\d{6}")) {
                    throw new IllegalArgumentException(sourceName + " line " + lineNo
                            + ", column hs_code: '" + cells.get(0) + "' must have 2, 4 or 6 digits");
                }
                Rule rule;
                try {
                    rule = RuleParser.parse(cells.get(1));
                } catch (RuleParseException e) {
                    throw new IllegalArgumentException(sourceName + " line " + lineNo + ", column rule: " + e.getMessage(), e);
                }
                String provenance = cells.get(2).strip();
                if (provenance.isEmpty()) {
                    throw new IllegalArgumentException(sourceName + " line " + lineNo + ", column provenance: is empty");
                }
                Integer earlier = seenOnLine.putIfAbsent(hs, lineNo);
                if (earlier != null) {
                    throw new IllegalArgumentException(sourceName + " line " + lineNo + ": HS " + hs
                            + " already has a rule on line " + earlier);
                }
                rows.add(new RuleEntry(hs, rule, provenance));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(rows);
    }

    /** The most specific entry for {@code hs}: subheading, else heading, else chapter. */
    @Override
    public Optional<RuleEntry> lookup(HsCode hs) {
        for (int digits : new int[] {6, 4, 2}) {
            RuleEntry entry = entries.get(hs.prefix(digits));
            if (entry != null) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    public Collection<RuleEntry> entries() {
        return entries.values();
    }

    public int size() {
        return entries.size();
    }
}
