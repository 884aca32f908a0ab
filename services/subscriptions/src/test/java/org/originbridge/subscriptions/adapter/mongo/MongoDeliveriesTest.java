package org.originbridge.subscriptions.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.originbridge.subscriptions.domain.Delivery;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.Races;

/**
 * The dispatch lease of {@link MongoDeliveries} against the embedded Mongo wire server: a delivery is queued once, one
 * dispatcher holds it at a time (concurrent claims: exactly one winner), a dead dispatcher's lease lapses and another
 * takes the delivery over, and a delivery that is done cannot be claimed again.
 */
class MongoDeliveriesTest {

    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(60);

    private final MongoDeliveries deliveries = new MongoDeliveries(EmbeddedMongo.freshDatabase("deliveries"));

    static Delivery delivery(String id, String key, long seq) {
        return new Delivery(id, "sub-1", "evt-" + id, key, seq, 0, T0, Delivery.State.PENDING, null);
    }

    @Test
    void aDeliveryIsQueuedOnceHoweverOftenItsEventIsRecorded() throws Exception {
        assertThat(deliveries.enqueueIfAbsent(delivery("d1", "K", 1))).isTrue();
        assertThat(deliveries.enqueueIfAbsent(delivery("d1", "K", 1))).isFalse();
        assertThat(Races.winners(6, i -> deliveries.enqueueIfAbsent(delivery("d2", "K", 2)))).isEqualTo(1);

        assertThat(deliveries.due(T0, 10)).extracting(Delivery::id).containsExactly("d1", "d2");
    }

    @Test
    void concurrentClaimsOfOneDeliveryHaveExactlyOneWinner() throws Exception {
        deliveries.enqueueIfAbsent(delivery("d1", "K", 1));

        assertThat(Races.winners(8, i -> deliveries.claim("d1", T0, T0.plus(LEASE)))).isEqualTo(1);
        assertThat(deliveries.inFlight("sub-1", T0)).isTrue();
        assertThat(deliveries.due(T0, 10)).isEmpty(); // leased: not offered to another dispatcher
    }

    @Test
    void concurrentDispatchersNeverHoldTheSameDelivery() throws Exception {
        for (int i = 0; i < 20; i++) {
            deliveries.enqueueIfAbsent(delivery("d" + i, "K" + i, i));
        }

        List<List<String>> held = Races.run(4, n -> {
            List<String> mine = new ArrayList<>();
            for (Delivery d : deliveries.due(T0, 20)) {
                if (deliveries.claim(d.id(), T0, T0.plus(LEASE))) {
                    mine.add(d.id());
                }
            }
            return mine;
        });

        List<String> all = new ArrayList<>();
        held.forEach(all::addAll);
        assertThat(all).doesNotHaveDuplicates().hasSize(20);
    }

    @Test
    void anExpiredLeaseIsTakenOverAndALiveOneIsNot() {
        deliveries.enqueueIfAbsent(delivery("d1", "K", 1));
        assertThat(deliveries.claim("d1", T0, T0.plus(LEASE))).isTrue();

        Instant during = T0.plus(LEASE).minusSeconds(1);
        assertThat(deliveries.claim("d1", during, during.plus(LEASE))).isFalse();
        assertThat(deliveries.inFlight("sub-1", during)).isTrue();

        // the first dispatcher died: once its lease has passed, the delivery is due again and another takes it
        Instant after = T0.plus(LEASE);
        assertThat(deliveries.inFlight("sub-1", after)).isFalse();
        assertThat(deliveries.due(after, 10)).extracting(Delivery::id).containsExactly("d1");
        assertThat(deliveries.claim("d1", after, after.plus(LEASE))).isTrue();
        assertThat(deliveries.claim("d1", after, after.plus(LEASE))).isFalse();
    }

    @Test
    void aDeliveredOrDeadDeliveryIsNeverClaimedAgainAndARetryReleasesTheLease() {
        deliveries.enqueueIfAbsent(delivery("d1", "K", 1));
        deliveries.enqueueIfAbsent(delivery("d2", "K", 2));
        deliveries.enqueueIfAbsent(delivery("d3", "L", 3));
        deliveries.claim("d1", T0, T0.plus(LEASE));
        deliveries.delivered("d1", T0.plusSeconds(1));
        deliveries.claim("d3", T0, T0.plus(LEASE));
        deliveries.dead("d3", 5, "gone");

        Instant later = T0.plus(LEASE).plus(LEASE);
        assertThat(deliveries.claim("d1", later, later.plus(LEASE))).isFalse();
        assertThat(deliveries.claim("d3", later, later.plus(LEASE))).isFalse();
        assertThat(deliveries.deadLetters("sub-1", 10)).extracting(Delivery::id).containsExactly("d3");

        deliveries.claim("d2", T0, T0.plus(LEASE));
        deliveries.retryAt("d2", 1, T0.plusSeconds(5), "503");
        assertThat(deliveries.claim("d2", T0.plusSeconds(5), T0.plusSeconds(5).plus(LEASE))).isTrue(); // lease released
    }

    @Test
    void withinOneKeyOnlyTheOldestPendingDeliveryIsHead() {
        deliveries.enqueueIfAbsent(delivery("d1", "K", 1));
        deliveries.enqueueIfAbsent(delivery("d2", "K", 2));
        deliveries.enqueueIfAbsent(delivery("d3", "L", 3));

        assertThat(deliveries.isHeadOfKey(delivery("d1", "K", 1))).isTrue();
        assertThat(deliveries.isHeadOfKey(delivery("d2", "K", 2))).isFalse();
        assertThat(deliveries.isHeadOfKey(delivery("d3", "L", 3))).isTrue();

        deliveries.delivered("d1", T0);
        assertThat(deliveries.isHeadOfKey(delivery("d2", "K", 2))).isTrue();
    }

    @Test
    void hostileIdsAreValuesNotOperators() {
        deliveries.enqueueIfAbsent(delivery("d1", "K", 1));

        assertThat(deliveries.claim("{\"$ne\": null}", T0, T0.plus(LEASE))).isFalse();
        assertThat(deliveries.due(T0, 10)).extracting(Delivery::id).containsExactly("d1");
    }
}
