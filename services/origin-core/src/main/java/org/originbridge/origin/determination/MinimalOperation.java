package org.originbridge.origin.determination;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * RCEP Article 3.6 (Minimal Operations and Processes), sub-paragraphs (a) to (j), as a closed list; (k), any
 * combination of them, is {@link MinimalOperations}. Checked against the published RCEP text (see
 * docs/rules-of-origin.md, "What the engine was checked against").
 *
 * <p>Each sub-paragraph has a small vocabulary of the words an exporter declares in a request's
 * {@code operations}; a declared operation matches when, normalised (lower case, {@code _} and {@code -} read as
 * spaces, repeated spaces collapsed, a leading "simple " ignored), it equals the constant's name or one of its
 * terms. Anything else is not an Art 3.6 operation: the list is closed. {@link #OTHER_AGREEMENTS} names operations
 * that other agreements' lists add (EU and UK: simple assembly, ironing, husking, sugar operations, testing,
 * washing, ...): they are reported as such and, under RCEP, are not minimal.
 */
public enum MinimalOperation {
    PRESERVATION("a", "preserving operations to ensure that the good remains in good condition for the purposes of transport or storage",
            "preserving", "preservation", "preserving operations", "preserving for transport", "preserving for storage",
            "preservation for transport", "preservation for storage"),
    PACKAGING("b", "packaging or presenting goods for transportation or sale",
            "packaging", "packing", "repackaging", "re packaging", "repacking", "re packing", "presenting",
            "presenting for sale", "presenting for transportation", "presentation for sale", "packaging for sale",
            "packaging for transportation", "packing for sale", "packing for transportation", "bagging", "boxing",
            "bottling", "placing in bottles", "changes of packaging"),
    SIMPLE_PROCESS("c", "simple processes, consisting of sifting, screening, sorting, classifying, sharpening, cutting, slitting, grinding, bending, coiling, or uncoiling",
            "sifting", "screening", "sorting", "classifying", "sharpening", "cutting", "slitting", "grinding",
            "bending", "coiling", "uncoiling"),
    MARKING("d", "affixing or printing of marks, labels, logos, or other like distinguishing signs on goods or their packaging",
            "marking", "labelling", "labeling", "affixing marks", "affixing labels", "affixing logos",
            "printing marks", "printing labels", "printing logos", "affixing or printing marks"),
    DILUTION("e", "mere dilution with water or another substance that does not materially alter the characteristics of the good",
            "dilution", "mere dilution", "dilution with water", "mere dilution with water"),
    DISASSEMBLY("f", "disassembly of products into parts",
            "disassembly", "disassembly into parts", "disassembly of products into parts", "dismantling"),
    SLAUGHTER("g", "slaughtering of animals",
            "slaughter", "slaughtering", "slaughter of animals", "slaughtering of animals"),
    PAINTING_POLISHING("h", "simple painting and polishing operations",
            "painting", "polishing", "painting and polishing"),
    PEELING_STONING_SHELLING("i", "simple peeling, stoning, or shelling",
            "peeling", "stoning", "shelling"),
    SIMPLE_MIXING("j", "simple mixing of goods, whether or not of different kinds",
            "mixing", "mixing of goods");

    /**
     * Operations listed as insufficient in other agreements (the EU's and the UK's lists) but not in RCEP Art 3.6:
     * reported by name, never treated as minimal under RCEP.
     */
    public static final Set<String> OTHER_AGREEMENTS = Set.of("assembly", "simple assembly", "assembly of parts",
            "ironing", "pressing", "ironing or pressing of textiles", "husking", "bleaching", "glazing",
            "polishing of cereals", "polishing of rice", "colouring of sugar", "coloring of sugar",
            "flavouring of sugar", "forming sugar lumps", "sugar lumps", "milling of sugar", "testing",
            "calibration", "washing", "cleaning", "removal of dust", "removal of oxide", "removal of oil",
            "matching", "making up of sets", "making up sets", "breaking up of consignments",
            "assembly of packages", "placing on cards", "fixing on cards", "grading");

    private final String subparagraph;
    private final String text;
    private final List<String> terms;

    MinimalOperation(String subparagraph, String text, String... terms) {
        this.subparagraph = subparagraph;
        this.text = text;
        this.terms = List.of(terms);
    }

    /** The sub-paragraph letter of Art 3.6, e.g. {@code c}. */
    public String subparagraph() {
        return subparagraph;
    }

    /** The citation, e.g. {@code 3.6(c)}. */
    public String article() {
        return "3.6(" + subparagraph + ")";
    }

    /** The sub-paragraph's words (RCEP text). */
    public String text() {
        return text;
    }

    /** The vocabulary matched for this sub-paragraph (normalised form). */
    public List<String> terms() {
        return terms;
    }

    /** The Art 3.6 sub-paragraph a declared operation names, if any (see the class comment for the matching). */
    public static Optional<MinimalOperation> match(String operation) {
        String key = normalise(operation);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(op -> normalise(op.name()).equals(key) || op.terms.contains(key))
                .findFirst();
    }

    /** Whether a declared operation is one that other agreements list as insufficient but RCEP Art 3.6 does not. */
    public static boolean onlyInOtherAgreements(String operation) {
        String key = normalise(operation);
        return match(operation).isEmpty() && (OTHER_AGREEMENTS.contains(key) || OTHER_AGREEMENTS.contains("simple " + key));
    }

    static String normalise(String operation) {
        if (operation == null) {
            return "";
        }
        String s = operation.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ')
                .replaceAll("\\s+", " ");
        return s.startsWith("simple ") ? s.substring("simple ".length()) : s;
    }
}
