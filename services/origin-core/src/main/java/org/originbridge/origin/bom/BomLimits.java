package org.originbridge.origin.bom;

/**
 * The bounds on bills of materials and the tables that go with them (supplier declarations, exchange rates), in
 * one place, so that no upload, however large, deep or cyclic, costs more than a bounded amount of memory and
 * time. {@link #DEFAULT} is what every reader and the roll-up apply.
 *
 * @param maxLines        data lines in one upload (BOM, supplier declarations, rates); the reader stops at the
 *                        first line beyond it, so a 10^6-line file is refused after reading {@code maxLines + 1}
 * @param maxLineLength   characters in one line
 * @param maxDepth        levels of a multi-level BOM (SAP's level 1 is a direct component of the header material)
 * @param maxRollUpLines  BOM lines one roll-up may visit in total (every level, every intermediate)
 * @param maxNotes        explanation lines a roll-up reports; the rest are counted in one last line
 */
public record BomLimits(int maxLines, int maxLineLength, int maxDepth, int maxRollUpLines, int maxNotes) {

    public static final BomLimits DEFAULT = new BomLimits(20_000, 4_000, 12, 50_000, 60);

    public BomLimits {
        if (maxLines < 1 || maxLineLength < 1 || maxDepth < 1 || maxRollUpLines < 1 || maxNotes < 1) {
            throw new IllegalArgumentException("every limit must be positive");
        }
    }
}
