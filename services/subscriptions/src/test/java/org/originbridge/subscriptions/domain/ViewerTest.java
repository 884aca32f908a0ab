package org.originbridge.subscriptions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ViewerTest {

    private final Viewer exporter = new Viewer(false, Set.of("SUP-A"), null, false);
    private final Viewer importer = new Viewer(false, Set.of(), "JP-BUYER", false);
    private final Viewer procurement = new Viewer(false, Set.of(), null, true);
    private final Viewer nobody = new Viewer(false, Set.of(), null, false);

    @Test
    void exportersSeeTheirTenantsEventsOnly() {
        for (EventType t : EventType.values()) {
            assertThat(exporter.sees(t, "SUP-A", null)).as(t.name()).isTrue();
            assertThat(exporter.sees(t, "SUP-B", "JP-BUYER")).as(t.name()).isFalse();
        }
    }

    @Test
    void importersSeeTheECoEventsAddressedToThem() {
        assertThat(importer.sees(EventType.ECO_STATUS_CHANGED, "SUP-A", "JP-BUYER")).isTrue();
        assertThat(importer.sees(EventType.DECLARATION_VERIFIED, "SUP-A", "JP-BUYER")).isTrue();
        assertThat(importer.sees(EventType.ECO_STATUS_CHANGED, "SUP-A", "JP-OTHER")).isFalse();
        assertThat(importer.sees(EventType.ECO_STATUS_CHANGED, "SUP-A", null)).isFalse();
        assertThat(importer.sees(EventType.DECLARATION_ACCEPTED, "SUP-A", "JP-BUYER")).as("not an e-CO event").isFalse();
        assertThat(importer.sees(EventType.SCORE_CHANGED, "SUP-A", null)).isFalse();
        assertThat(importer.mayReceive(EventType.ECO_STATUS_CHANGED)).isTrue();
        assertThat(importer.mayReceive(EventType.DECLARATION_REJECTED)).isFalse();
    }

    @Test
    void procurementSeesEveryScoreAndNothingElse() {
        assertThat(procurement.sees(EventType.SCORE_CHANGED, "SUP-Z", null)).isTrue();
        for (EventType t : EventType.values()) {
            if (t != EventType.SCORE_CHANGED) {
                assertThat(procurement.sees(t, "SUP-Z", "JP-BUYER")).as(t.name()).isFalse();
                assertThat(procurement.mayReceive(t)).as(t.name()).isFalse();
            }
        }
    }

    @Test
    void aCallerActingForNoOneSeesNothingAndOperatorsSeeAll() {
        for (EventType t : EventType.values()) {
            assertThat(nobody.sees(t, "SUP-A", "JP-BUYER")).isFalse();
            assertThat(nobody.sees(t, "", null)).as("an event without tenant").isFalse();
            assertThat(nobody.mayReceive(t)).isFalse();
            assertThat(Viewer.operator().sees(t, "SUP-A", null)).isTrue();
        }
    }
}
