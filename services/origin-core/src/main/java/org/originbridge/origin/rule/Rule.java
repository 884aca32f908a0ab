package org.originbridge.origin.rule;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A product-specific rule of origin as a small syntax tree. {@link #text()} renders the canonical form
 * ({@code CTH or RVC40}); {@link RuleParser#parse} reads it back.
 */
public sealed interface Rule {

    String text();

    /** WO: wholly obtained or produced (Art 3.3). Also met by PE (Annex 3A headnote). */
    record WhollyObtained() implements Rule {
        public String text() {
            return "WO";
        }
    }

    /** PE: produced exclusively from originating materials (Art 3.2(c)). */
    record ProducedExclusively() implements Rule {
        public String text() {
            return "PE";
        }
    }

    /** CC / CTH / CTSH: every non-originating material changes chapter / heading / subheading. */
    record TariffChange(Level level) implements Rule {
        public String text() {
            return level.abbreviation();
        }
    }

    /** RVCnn: regional value content of no less than {@code threshold} per cent (Art 3.5). */
    record RegionalValueContent(int threshold) implements Rule {
        public RegionalValueContent {
            if (threshold < 1 || threshold > 100) {
                throw new IllegalArgumentException("RVC threshold must be 1-100, got " + threshold);
            }
        }

        public String text() {
            return "RVC" + threshold;
        }
    }

    /** CR: a chemical reaction took place in the Party (Annex 3A headnotes). */
    record ChemicalReaction() implements Rule {
        public String text() {
            return "CR";
        }
    }

    /** Alternatives: meeting any one is enough (the exporter chooses). */
    record AnyOf(List<Rule> alternatives) implements Rule {
        public AnyOf {
            alternatives = List.copyOf(alternatives);
            if (alternatives.size() < 2) {
                throw new IllegalArgumentException("'or' needs at least two alternatives");
            }
        }

        public String text() {
            return alternatives.stream().map(Rule::text).collect(Collectors.joining(" or "));
        }
    }

    /** All requirements must hold. */
    record AllOf(List<Rule> requirements) implements Rule {
        public AllOf {
            requirements = List.copyOf(requirements);
            if (requirements.size() < 2) {
                throw new IllegalArgumentException("'and' needs at least two requirements");
            }
        }

        public String text() {
            return requirements.stream()
                    .map(r -> r instanceof AnyOf ? "(" + r.text() + ")" : r.text())
                    .collect(Collectors.joining(" and "));
        }
    }

    /** The top-level alternatives: the children of an {@link AnyOf}, else the rule itself. */
    default List<Rule> topLevelAlternatives() {
        return this instanceof AnyOf any ? any.alternatives() : List.of(this);
    }

    /** The level of a change in tariff classification. */
    enum Level {
        CHAPTER("CC", 2, "chapter"), HEADING("CTH", 4, "heading"), SUBHEADING("CTSH", 6, "subheading");

        private final String abbreviation;
        private final int digits;
        private final String noun;

        Level(String abbreviation, int digits, String noun) {
            this.abbreviation = abbreviation;
            this.digits = digits;
            this.noun = noun;
        }

        public String abbreviation() {
            return abbreviation;
        }

        public int digits() {
            return digits;
        }

        public String noun() {
            return noun;
        }
    }
}
