package org.originbridge.origin.declaration;

import java.time.LocalDate;

/**
 * (m) back-to-back proof of origin data (Art 3.19).
 *
 * @param originalReference           reference number of the original proof of origin
 * @param originalIssueDate           its issue date
 * @param firstExportingPartyOrigin   the first exporting Party's RCEP country of origin (ISO alpha-2)
 * @param originalApprovedExporterCode approved exporter code on the original, if any (optional)
 */
public record BackToBack(String originalReference, LocalDate originalIssueDate, String firstExportingPartyOrigin,
                         String originalApprovedExporterCode) {
}
