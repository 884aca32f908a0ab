package org.originbridge.origin.declaration;

import java.time.LocalDate;

/** (g) the declaration by the exporter or producer: who declared, where and when. */
public record ExporterDeclaration(String declarantName, String place, LocalDate date) {
}
