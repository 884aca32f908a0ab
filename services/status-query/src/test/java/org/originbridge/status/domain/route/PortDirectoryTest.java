package org.originbridge.status.domain.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

class PortDirectoryTest {

    @Test
    void theShippedTableKnowsEveryPortTheDemoAndTheTestsUse() {
        PortDirectory ports = PortDirectory.shipped();
        for (String code : List.of("CNYSA", "CNSHA", "CNSGH", "VNCMT", "VNTOT", "MYPKG", "MYWSP", "MYLPK", "SGSIN",
                "JPYOK", "JPOSA", "CNSZX", "CNNGB", "KRPUS", "VNSGN", "AUMEL")) {
            assertThat(ports.node(ports.nodeOf(code))).as(code).isPresent();
        }
        PortDirectory.Port yangshan = ports.node("CNYSA").orElseThrow();
        // Yangshan lies off Shanghai, south-east of the city, in the East China Sea
        assertThat(yangshan.latitude()).isBetween(30.5, 30.8);
        assertThat(yangshan.longitude()).isBetween(121.9, 122.2);
        assertThat(ports.node("MYPKG").orElseThrow().latitude()).isBetween(2.8, 3.1);
        assertThat(ports.node("VNCMT").orElseThrow().longitude()).isBetween(106.9, 107.1);
    }

    @Test
    void everyAliasPointsAtANodeOfTheTable() {
        PortDirectory ports = PortDirectory.shipped();
        for (PortDirectory.Port p : ports.ports()) {
            assertThat(ports.node(p.node())).as(p.code()).isPresent();
            assertThat(ports.nodeOf(p.node())).as(p.code()).isEqualTo(p.node());
        }
    }

    @Test
    void aMalformedTableIsRefusedAtLoad() {
        assertThatThrownBy(() -> PortDirectory.parse(new BufferedReader(new StringReader("CNYSA,CNYSA,Yangshan,30.6\n"))))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> PortDirectory.parse(new BufferedReader(new StringReader("# c\nXXAAA,XXAAA,X,91,0\n"))))
                .hasMessageContaining("line 2");
    }
}
