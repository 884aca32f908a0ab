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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.originbridge.origin.code.HsCode;
import org.originbridge.origin.code.InvalidCodeException;

/**
 * A correlation table between HS editions (as the WCO publishes them between HS 2012, 2017 and 2022), so that a
 * declaration's HS code in one edition finds the rule a table states in another. Each row pairs a subheading of
 * one edition with a subheading of the <b>next</b> edition ({@code 2012 <-> 2017}, {@code 2017 <-> 2022}); rows
 * are read both ways. A subheading no row lists for a step is unchanged by that step (the WCO tables list only
 * the amended subheadings). One subheading may correspond to several (a split or a merge): then every one is
 * returned.
 * <pre>
 * from_edition,from_code,to_edition,to_code,note
 * 2017,851712,2022,851713,"smartphones moved to the new subheading 8517.13"
 * </pre>
 */
public final class HsCorrelation {
    /** The sample table shipped with the module. */
    public static final String DEFAULT_RESOURCE = "/rules/hs-correlation.csv";
    /** Rows in one correlation table, at most (the WCO tables have a few hundred per step). */
    public static final int MAX_ROWS = 20_000;

    private record Key(HsEdition edition, String code) {
    }

    private final Map<Key, Set<Key>> links;
    private final int rows;

    private HsCorrelation(Map<Key, Set<Key>> links, int rows) {
        this.links = links;
        this.rows = rows;
    }

    public static HsCorrelation none() {
        return new HsCorrelation(Map.of(), 0);
    }

    /** One correlation row. */
    public record Link(HsEdition fromEdition, HsCode from, HsEdition toEdition, HsCode to) {
        public Link {
            if (Math.abs(fromEdition.ordinal() - toEdition.ordinal()) != 1) {
                throw new IllegalArgumentException("a correlation row links consecutive editions (2012-2017, 2017-2022), not "
                        + fromEdition.year() + "-" + toEdition.year());
            }
        }
    }

    public static HsCorrelation of(Collection<Link> rows) {
        Map<Key, Set<Key>> links = new HashMap<>();
        for (Link l : rows) {
            Key a = new Key(l.fromEdition(), l.from().code());
            Key b = new Key(l.toEdition(), l.to().code());
            links.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(b);
            links.computeIfAbsent(b, k -> new LinkedHashSet<>()).add(a);
        }
        return new HsCorrelation(links, rows.size());
    }

    /** Loads {@value #DEFAULT_RESOURCE}. */
    public static HsCorrelation loadDefault() {
        try (InputStream in = HsCorrelation.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is not on the classpath");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a correlation table; an error names the source, the line and what is wrong. */
    public static HsCorrelation parse(Reader reader, String source) {
        List<Link> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            String line;
            int lineNo = 0;
            boolean header = false;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                List<String> cells = SimpleCsv.split(line);
                if (!header) {
                    header = true;
                    if (!cells.get(0).strip().equalsIgnoreCase("from_edition")) {
                        throw new IllegalArgumentException(source + " line " + lineNo
                                + ": expected the header 'from_edition,from_code,to_edition,to_code,note'");
                    }
                    continue;
                }
                if (cells.size() < 4) {
                    throw new IllegalArgumentException(source + " line " + lineNo + ": expected at least 4 columns "
                            + "(from_edition,from_code,to_edition,to_code), found " + cells.size());
                }
                if (rows.size() >= MAX_ROWS) {
                    throw new IllegalArgumentException(source + ": more than " + MAX_ROWS + " rows");
                }
                try {
                    rows.add(new Link(HsEdition.parse(cells.get(0)), HsCode.parse(cells.get(1)),
                            HsEdition.parse(cells.get(2)), HsCode.parse(cells.get(3))));
                } catch (InvalidCodeException e) {
                    throw new IllegalArgumentException(source + " line " + lineNo + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(rows);
    }

    /** The subheadings of edition {@code to} that {@code code} of edition {@code from} corresponds to. */
    public Set<HsCode> correlate(HsCode code, HsEdition from, HsEdition to) {
        Set<String> current = new LinkedHashSet<>(List.of(code.code()));
        HsEdition edition = from;
        int step = Integer.signum(to.ordinal() - from.ordinal());
        while (edition != to) {
            HsEdition next = HsEdition.values()[edition.ordinal() + step];
            Set<String> mapped = new LinkedHashSet<>();
            for (String c : current) {
                Set<Key> targets = links.getOrDefault(new Key(edition, c), Set.of());
                List<String> inNext = targets.stream().filter(k -> k.edition() == next).map(Key::code).toList();
                if (inNext.isEmpty()) {
                    mapped.add(c); // unchanged by this step
                } else {
                    mapped.addAll(inNext);
                }
            }
            current = mapped;
            edition = next;
        }
        Set<HsCode> out = new LinkedHashSet<>();
        current.forEach(c -> out.add(new HsCode(c)));
        return out;
    }

    public int size() {
        return rows;
    }
}
