package org.originbridge.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originbridge.scoring.domain.Evidence.accepted;
import static org.originbridge.scoring.domain.Evidence.act;
import static org.originbridge.scoring.domain.Evidence.consignment;
import static org.originbridge.scoring.domain.Evidence.of;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Declared ports and port-event locations meet however they were spelled (origin-core's one UN/LOCODE parser). */
class LocationsTest {

    @ParameterizedTest(name = "''{0}'' is CNSGH")
    @ValueSource(strings = {"CN SHA", "cnsha", "CNSHA", "CNSGH", " cn sgh ", "cN ShA"})
    void everySpellingOfShanghaiIsTheNormalisedCode(String spelling) {
        assertThat(Locations.normalise(spelling)).isEqualTo("CNSGH");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void blankIsNoLocation(String blank) {
        assertThat(Locations.normalise(blank)).isNull();
    }

    @ParameterizedTest(name = "''{0}'' is compared as ''{1}''")
    @org.junit.jupiter.params.provider.CsvSource({"' pier 7 ',PIER 7", "cnsh1,CNSH1", "'QQ SHA',QQ SHA", "'<script>',<SCRIPT>"})
    void aCodeThatIsNoLocodeIsComparedAsGiven(String raw, String compared) {
        assertThat(Locations.normalise(raw)).isEqualTo(compared);
    }

    @Test
    void theConsignmentDirectoryStoresTheNormalisedPorts() {
        Consignment c = new Consignment("D1", "S1", "MBL-1", null, List.of(), "CN SHA", "my pkg", Instant.EPOCH);

        assertThat(c.portOfLoading()).isEqualTo("CNSGH");
        assertThat(c.portOfDischarge()).isEqualTo("MYPKG");
    }

    @Test
    void aDeclarationSayingCnShaMatchesEventsAtCnshaAndCnsgh() {
        // Declared as printed in UN/LOCODE lists; the carrier sent the old code in lower case, the arrival the new one.
        SupplierEvidence e = consignment(of(accepted("D1", 1)), "D1", "CN SHA", "my pkg",
                act("E1", "DEPA", "cnsha", 2), act("E2", "ARRI", "MYPKG", 9), act("E3", "DISC", "CNSGH", 3));

        ConsignmentEvidence evidence = e.consignments().get(0);
        assertThat(evidence.portOfLoading()).isEqualTo("CNSGH");
        assertThat(evidence.events()).extracting(NodeEvent::location).containsExactly("CNSGH", "MYPKG", "CNSGH");

        ScoreCard card = new ScoringModel(ScoringPolicy.DEFAULT).score(e);
        ScoreFactor direct = card.factors().stream().filter(f -> f.code().equals("DIRECT_CONSIGNMENT")).findFirst().orElseThrow();
        // Departure and arrival both at the declared ports, the discharge at the port of loading is not "in transit": 100.
        assertThat(direct.value()).isEqualTo(100);
    }
}
