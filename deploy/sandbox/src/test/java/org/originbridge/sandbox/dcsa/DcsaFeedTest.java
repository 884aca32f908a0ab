package org.originbridge.sandbox.dcsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.originbridge.sandbox.web.ConflictException;
import org.originbridge.sandbox.web.NotFoundException;
import org.originbridge.sandbox.web.SandboxClock;

class DcsaFeedTest {

    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    private final SandboxClock clock = SandboxClock.fixed(T0);
    private final DcsaFeed feed = new DcsaFeed(clock, Duration.ofSeconds(2));

    static DcsaFeed.Query forDocument(String tdr, Instant from, int limit) {
        return new DcsaFeed.Query(tdr, null, Set.of(), from, null, limit);
    }

    @Test
    void eventsBecomeVisibleOneStepApart() {
        feed.register(VoyagePlanTest.consignment("TRD-1"));

        assertThat(feed.query(forDocument("TRD-1", null, 100))).hasSize(1);
        clock.advance(Duration.ofSeconds(5));
        assertThat(feed.query(forDocument("TRD-1", null, 100))).hasSize(3);
        clock.advance(Duration.ofHours(1));
        assertThat(feed.query(forDocument("TRD-1", null, 100))).hasSize(14);
        assertThat(feed.query(forDocument("TRD-2", null, 100))).isEmpty();
    }

    @Test
    void pollingFromATimeAndALimitPagesThroughTheFeed() {
        feed.register(VoyagePlanTest.consignment("TRD-1"));
        clock.advance(Duration.ofHours(1));

        List<DcsaEvent> page = feed.query(forDocument("TRD-1", T0.plusSeconds(4), 3));

        assertThat(page).hasSize(3);
        assertThat(page.get(0).eventCreatedDateTime()).isEqualTo(T0.plusSeconds(4));
        assertThat(feed.query(new DcsaFeed.Query("TRD-1", "TGHU7654321", Set.of("EQUIPMENT"), null, null, 100))).hasSize(4);
    }

    @Test
    void aRetractionIsANewEventPointingAtTheRetractedOne() {
        feed.register(VoyagePlanTest.consignment("TRD-1"));
        clock.advance(Duration.ofSeconds(10));
        DcsaEvent load = feed.query(forDocument("TRD-1", null, 100)).get(3);

        DcsaEvent retraction = feed.retract("TRD-1", load.eventID());

        assertThat(retraction.retractedEventID()).isEqualTo(load.eventID());
        assertThat(retraction.eventID()).isNotEqualTo(load.eventID());
        assertThat(retraction.eventCreatedDateTime()).isEqualTo(T0.plusSeconds(10));
        assertThat(feed.query(forDocument("TRD-1", T0.plusSeconds(10), 100))).contains(retraction);
        assertThatThrownBy(() -> feed.retract("TRD-1", load.eventID())).isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyVisibleEventsOfAKnownDocumentCanBeRetracted() {
        List<DcsaEvent> planned = feed.register(VoyagePlanTest.consignment("TRD-1"));

        assertThatThrownBy(() -> feed.retract("TRD-1", planned.get(5).eventID())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> feed.retract("TRD-9", planned.get(0).eventID())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> feed.register(VoyagePlanTest.consignment("TRD-1"))).isInstanceOf(ConflictException.class);
    }
}
