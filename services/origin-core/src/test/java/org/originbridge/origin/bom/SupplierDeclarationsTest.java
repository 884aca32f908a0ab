package org.originbridge.origin.bom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.code.RcepParty;

class SupplierDeclarationsTest {
    static final String HEADER = "supplier,material,originating,party,valid_from,valid_to\n";

    @Test
    void readsTheCsv() {
        SupplierDeclarations.Upload upload = SupplierDeclarations.read(new StringReader(HEADER
                + "V-HANOI-WOOD,LEG-SET,true,VN,2026-01-01,2026-12-31\nV-TAIPEI-01,IC-7788,NON_ORIGINATING,,2026-06-01,2027-05-31\n"),
                "s.csv", BomLimits.DEFAULT);
        assertThat(upload.errors()).isEmpty();
        assertThat(upload.declarations()).containsExactly(
                new SupplierDeclaration("V-HANOI-WOOD", "LEG-SET", true, RcepParty.VN, LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 12, 31)),
                new SupplierDeclaration("V-TAIPEI-01", "IC-7788", false, null, LocalDate.of(2026, 6, 1),
                        LocalDate.of(2027, 5, 31)));
    }

    @Test
    void refusesWhatCannotBeADeclaration() {
        SupplierDeclarations.Upload upload = SupplierDeclarations.read(new StringReader(HEADER
                + "S,M,true,,2026-01-01,2026-12-31\n" // originating without a Party
                + "S,M,true,US,2026-01-01,2026-12-31\n" // not an RCEP Party
                + "S,M,false,,2026-12-31,2026-01-01\n" // period backwards
                + "S,M,false,,2020-01-01,2030-01-01\n" // longer than two years
                + "S,M,maybe,,2026-01-01,2026-12-31\n" // not a yes/no
                + "S,M,false,,26-1-1,2026-12-31\n"), "s.csv", BomLimits.DEFAULT);
        assertThat(upload.declarations()).isEmpty();
        assertThat(upload.errors()).extracting(FieldError::code).containsExactly(ErrorCodes.REQUIRED,
                ErrorCodes.NOT_RCEP_PARTY, ErrorCodes.DATE_ORDER, ErrorCodes.LIMIT_EXCEEDED, ErrorCodes.INVALID_VALUE,
                ErrorCodes.INVALID_FORMAT);
    }

    @Test
    void theNewestValidDeclarationOfTheNamedSupplierDecides() {
        SupplierDeclaration old = new SupplierDeclaration("S1", "M", false, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        SupplierDeclaration renewed = new SupplierDeclaration("S1", "M", true, RcepParty.TH, LocalDate.of(2026, 6, 1), LocalDate.of(2027, 5, 31));
        SupplierDeclaration other = new SupplierDeclaration("S2", "M", false, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        List<SupplierDeclaration> held = List.of(old, renewed, other);
        assertThat(SupplierDeclarations.decide(held, "S1", LocalDate.of(2026, 7, 1))).get()
                .extracting(SupplierDeclarations.Decision::declaration).isEqualTo(renewed);
        assertThat(SupplierDeclarations.decide(held, "S1", LocalDate.of(2026, 3, 1))).get()
                .extracting(SupplierDeclarations.Decision::declaration).isEqualTo(old);
        // no supplier named and the suppliers disagree: non-originating
        assertThat(SupplierDeclarations.decide(held, null, LocalDate.of(2026, 7, 1))).get()
                .satisfies(d -> assertThat(d.declaration().originating()).isFalse());
        assertThat(SupplierDeclarations.decide(held, "S3", LocalDate.of(2026, 7, 1))).isEmpty();
        assertThat(SupplierDeclarations.decide(held, "S1", LocalDate.of(2027, 6, 1))).isEmpty();
    }
}
