package org.originbridge.origin.declaration;

import java.time.LocalDate;

/**
 * (j) consignment details.
 *
 * @param invoiceNumber     invoice number
 * @param invoiceDate       invoice date (optional)
 * @param departureDate     departure date
 * @param vesselOrFlight    vessel name or flight number
 * @param portOfLoading     UN/LOCODE of the port of loading (optional)
 * @param portOfDischarge   UN/LOCODE of the port of discharge
 */
public record Consignment(String invoiceNumber, LocalDate invoiceDate, LocalDate departureDate, String vesselOrFlight,
                          String portOfLoading, String portOfDischarge) {
}
