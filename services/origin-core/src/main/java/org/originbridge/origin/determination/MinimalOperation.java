package org.originbridge.origin.determination;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Operations that on their own confer no origin on non-originating materials (Art 3.6), paraphrased from the
 * article's list; each has keywords a request's {@code operations} entry may use. Verify against the treaty text.
 */
public enum MinimalOperation {
    PRESERVATION("preserving", "preservation"),
    PACKAGING_CHANGE("changes of packaging", "repacking", "breaking up", "assembly of packages"),
    PACKING("packing", "placing in bottles", "bagging", "boxing"),
    WASHING("washing", "cleaning", "removal of dust"),
    IRONING("ironing", "pressing"),
    PAINTING("simple painting", "polishing"),
    HUSKING("husking", "bleaching", "glazing"),
    SUGAR_COLOURING("colouring of sugar", "sugar lumps"),
    PEELING("peeling", "stoning", "shelling"),
    SHARPENING("sharpening", "simple grinding", "simple cutting"),
    SORTING("sorting", "sifting", "screening", "classifying", "grading", "matching"),
    LABELLING("labelling", "marking", "affixing marks", "printing labels"),
    SIMPLE_MIXING("simple mixing"),
    SIMPLE_ASSEMBLY("simple assembly"),
    DILUTION("dilution with water"),
    SLAUGHTER("slaughter");

    private final String[] keywords;

    MinimalOperation(String... keywords) {
        this.keywords = keywords;
    }

    /** The minimal operation a free-text operation names, matched on the constant or a keyword, case-insensitively. */
    public static Optional<MinimalOperation> match(String operation) {
        if (operation == null) {
            return Optional.empty();
        }
        String text = operation.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Arrays.stream(values())
                .filter(op -> op.name().toLowerCase(Locale.ROOT).replace('_', ' ').equals(text)
                        || Arrays.asList(op.keywords).contains(text))
                .findFirst();
    }
}
