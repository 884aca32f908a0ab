package org.originbridge.intake.domain;

import java.util.Locale;

/** The bill-of-materials formats intake reads, each with one parser in origin-core's {@code bom} package. */
public enum BomFormat {
    /** origin-core's generic CSV ({@code BomCsvReader.readSet}), levels through the {@code parent} column. */
    GENERIC_CSV("csv"),
    /** SAP's multi-level BOM explosion (CS12) exported as a spreadsheet ({@code SapBomReader}). */
    SAP_CS12("sap-cs12");

    private final String parameter;

    BomFormat(String parameter) {
        this.parameter = parameter;
    }

    /** The value of the {@code format} parameter: {@code csv} or {@code sap-cs12}. */
    public String parameter() {
        return parameter;
    }

    /** {@code csv}, {@code sap-cs12} (or the enum names); null when none matches. */
    public static BomFormat parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (BomFormat f : values()) {
            if (f.parameter.equals(t) || f.name().toLowerCase(Locale.ROOT).equals(t)) {
                return f;
            }
        }
        return null;
    }
}
