package org.originbridge.status.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originbridge.status.domain.Fixtures.T0;
import static org.originbridge.status.domain.Fixtures.event;

import java.util.List;

import org.junit.jupiter.api.Test;

class MilestonesTest {

    @Test
    void ordersByEventTimeWhateverTheArrivalOrder() {
        List<LogisticsEvent> visible = Milestones.visible(List.of(
                event("E3", "ARRI", T0.plusSeconds(7200), "TD-1", null),
                event("E1", "GTIN", T0, "TD-1", null),
                event("E2", "DEPA", T0.plusSeconds(3600), "TD-1", null)));
        assertThat(visible).extracting(LogisticsEvent::eventCode).containsExactly("GTIN", "DEPA", "ARRI");
    }

    @Test
    void removesRetractedEventsAndTheRetractionsThemselves() {
        List<LogisticsEvent> visible = Milestones.visible(List.of(
                event("E1", "DEPA", T0, "TD-1", null),
                event("E2", "ARRI", T0.plusSeconds(3600), "TD-1", null),
                event("R2", "ARRI", T0.plusSeconds(3600), "TD-1", "E2")));
        assertThat(visible).extracting(LogisticsEvent::eventId).containsExactly("E1");
    }

    @Test
    void anEventFoundTwiceShowsOnce() {
        LogisticsEvent e = event("E1", "DEPA", T0, "TD-1", null);
        assertThat(Milestones.visible(List.of(e, e))).hasSize(1);
    }
}
