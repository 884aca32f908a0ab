package org.originbridge.status.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Domain test data builders shared by the plain tests. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private Fixtures() {
    }

    public static DeclarationData declaration(String reference) {
        return new DeclarationData("CERTIFICATE_OF_ORIGIN", reference, LocalDate.parse("2026-11-19"),
                new DeclarationData.Party("Ningbo Bright Lamps Co., Ltd.", "18 Harbour Rd, Ningbo", "CN"),
                null,
                new DeclarationData.Party("Saigon Lighting JSC", "District 7, Ho Chi Minh City", "VN"),
                "VN",
                List.of(new DeclarationData.Goods(1, "LED lamps", "940540", "CTH", "CN", "1200.000", "PCE", "840.000",
                        "18500.00", "USD")),
                new DeclarationData.Consignment("INV-1", LocalDate.parse("2026-11-18"), LocalDate.parse("2026-11-21"),
                        "EVER GIVEN", "0421W", "CNYSA", "VNCMT", "TD-" + reference, "BK-" + reference,
                        List.of("MSCU1234565")),
                null, "CCPIT");
    }

    public static VerificationRecord verification(String code, Instant at) {
        return new VerificationRecord("VERIFIED", "ASW-1", "ab12",
                new VerificationRecord.Check("VALID", "hash matches"),
                new VerificationRecord.Check("VALID", "issued"),
                new VerificationRecord.Check("VALID", "CCPIT Zhejiang is a registered issuing body"),
                code, null, at, 1, SHORT_CODE);
    }

    /** A well-formed short code (valid check character). */
    public static final String SHORT_CODE = org.originbridge.platform.signing.ShortCode.withCheck("7K3M9QXZ2B");

    public static IssuanceRecord issuance(int sequence, String status, Instant at) {
        boolean issued = "ISSUED".equals(status);
        return new IssuanceRecord(status, null, sequence, "APP-1", issued ? "CCPIT-2026-0001" : null,
                issued ? "SN-1" : null, issued ? "https://co.ccpit.example/q/CCPIT-2026-0001" : null,
                issued ? "qr-token" : null, null, at);
    }

    public static LogisticsEvent event(String id, String code, Instant at, String tdr, String retracts) {
        return new LogisticsEvent(id, "DCSA", "TRANSPORT", "ACT", code, at, at.plusSeconds(5), "CNYSA", "Yangshan",
                "VESSEL", "9811000", "0421W", null, tdr, null, retracts);
    }

    public static SupplierScore score(String supplierId, int value, long version) {
        return new SupplierScore(supplierId, value, value >= 80 ? "EXCELLENT" : "FAIR", null,
                List.of(new SupplierScore.Factor("VERIFIED_RATE", "Verified declarations", 100, value,
                        value + "% of declarations verified")),
                version, T0, T0.plusSeconds(86_400 * 30), "compliance-scoring");
    }
}
