package org.originbridge.origin.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.code.UnLocode;

class DeclarationModelTest {

    @ParameterizedTest
    @CsvSource({"'VN CMT',VNCMT", "vncmt,VNCMT", "' my pkg ',MYPKG", "VNCMT,VNCMT"})
    void portsAreHeldAsTheNormalisedUnLocode(String given, String held) {
        Declaration.Consignment c = Declarations.consignment("I", null, Declarations.TODAY, "V", given, given);
        assertThat(c.portOfLoading()).isEqualTo(held).isEqualTo(UnLocode.parse(given).code());
        assertThat(c.portOfDischarge()).isEqualTo(held);
    }

    @Test
    void portsThatAreNoUnLocodeAreKeptAsGivenAndReportedByTheValidator() {
        Declarations d = Declarations.co();
        d.consignment = Declarations.consignment("I", null, Declarations.TODAY, "V", "C1 SHA", "  ");
        Declaration declaration = d.build();
        assertThat(declaration.consignment().portOfLoading()).isEqualTo("C1 SHA");
        assertThat(declaration.consignment().portOfDischarge()).isEqualTo("  ");
        assertThat(new DeclarationValidator(java.time.Clock.systemUTC()).validate(declaration).errors())
                .extracting(e -> e.field() + " " + e.code())
                .contains("consignment.portOfLoading " + ErrorCodes.INVALID_LOCODE,
                        "consignment.portOfDischarge " + ErrorCodes.REQUIRED);
    }

    @Test
    void theValidatorAlsoChecksTheFieldsThatAreNotAnnex3bData() {
        Declarations d = Declarations.co();
        d.consignment = new Declaration.Consignment("INV-1", null, Declarations.TODAY, "V", "x".repeat(1_001), null,
                "VNCMT", "BL 1/../2", null, List.of("MSCU1234565", "<script>"));
        assertThat(new DeclarationValidator(java.time.Clock.fixed(Declarations.TODAY.atStartOfDay()
                .toInstant(java.time.ZoneOffset.UTC), java.time.ZoneOffset.UTC)).validate(d.build()).errors())
                .extracting(e -> e.field())
                .containsExactly("consignment.voyageNumber", "consignment.transportDocumentReference",
                        "consignment.equipmentReferences[1]");
    }
}
