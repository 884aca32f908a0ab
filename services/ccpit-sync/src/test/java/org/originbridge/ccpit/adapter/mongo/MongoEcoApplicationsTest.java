package org.originbridge.ccpit.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.originbridge.ccpit.domain.EcoApplication;
import org.originbridge.ccpit.domain.CoApplication;
import org.originbridge.ccpit.domain.EcoRequest;
import org.originbridge.ccpit.domain.IssuanceStatus;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.Races;

/**
 * The guards of {@link MongoEcoApplications} against the embedded Mongo wire server: insert-if-absent, the
 * sequence compare-and-set, the forward-only emitted sequence and the polling lease, races included.
 */
class MongoEcoApplicationsTest {

    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    private final MongoDatabase database = EmbeddedMongo.freshDatabase("ccpit");
    private final MongoEcoApplications store = new MongoEcoApplications(database);

    static EcoApplication application(String declarationId, IssuanceStatus status, int sequence, Instant nextCheckAt,
            int emittedSequence) {
        EcoRequest request = new EcoRequest(declarationId, "SUP-A", "CERTIFICATE_OF_ORIGIN", "CN", null,
                new CoApplication("RCEP-" + declarationId, new CoApplication.Trader("Exporter", null, "CN"), null, null, "JP",
                        null, List.of(new CoApplication.Item(1, "adapters", "850440", "CTH", "CN", null, null, null, null, null)),
                        null, null));
        return new EcoApplication(request, "CN-CCPIT", "APP-" + declarationId, status, null, sequence, null, null, null,
                null, null, null, T0.plusSeconds(sequence), nextCheckAt, emittedSequence);
    }

    @Test
    void theFirstInsertWinsAndASecondChangesNothing() {
        assertThat(store.insert(application("D1", IssuanceStatus.REQUESTED, 1, T0, 0))).isTrue();
        assertThat(store.insert(application("D1", IssuanceStatus.SUBMITTED, 7, T0, 0))).isFalse();

        EcoApplication stored = store.find("D1").orElseThrow();
        assertThat(stored.status()).isEqualTo(IssuanceStatus.REQUESTED);
        assertThat(stored.sequence()).isEqualTo(1);
    }

    @Test
    void concurrentInsertsOfOneDeclarationHaveExactlyOneWinner() throws Exception {
        List<Boolean> results = Races.run(8, i -> store.insert(application("D-RACE", IssuanceStatus.REQUESTED, 1, T0, 0)));

        assertThat(results).containsOnlyOnce(true);
    }

    @Test
    void anUpdateAppliesOnlyOnTheExpectedSequence() {
        store.insert(application("D2", IssuanceStatus.REQUESTED, 1, T0, 0));

        assertThat(store.update(application("D2", IssuanceStatus.SUBMITTED, 2, T0, 0), 1)).isTrue();
        // A stale writer still expecting sequence 1 loses and changes nothing.
        assertThat(store.update(application("D2", IssuanceStatus.REJECTED, 2, T0, 0), 1)).isFalse();

        EcoApplication stored = store.find("D2").orElseThrow();
        assertThat(stored.status()).isEqualTo(IssuanceStatus.SUBMITTED);
        assertThat(stored.emissionPending()).isTrue();
    }

    @Test
    void concurrentUpdatesFromOneSequenceHaveExactlyOneWinner() throws Exception {
        store.insert(application("D3", IssuanceStatus.REQUESTED, 1, T0, 0));

        List<Boolean> results = Races.run(6, i -> store.update(application("D3", IssuanceStatus.SUBMITTED, 2, T0, 0), 1));

        assertThat(results).containsOnlyOnce(true);
        assertThat(store.find("D3").orElseThrow().sequence()).isEqualTo(2);
    }

    @Test
    void theEmittedSequenceOnlyMovesForwardAndANewerChangeStaysPending() {
        store.insert(application("D4", IssuanceStatus.REQUESTED, 1, T0, 0));
        store.update(application("D4", IssuanceStatus.SUBMITTED, 2, T0, 0), 1);
        store.update(application("D4", IssuanceStatus.UNDER_REVIEW, 3, T0, 0), 2);

        store.markEmitted("D4", 2); // an older change confirmed while sequence 3 is stored
        EcoApplication afterOlder = store.find("D4").orElseThrow();
        assertThat(afterOlder.emittedSequence()).isEqualTo(2);
        assertThat(afterOlder.emissionPending()).isTrue();
        assertThat(store.pendingEmissions(T0.plusSeconds(60), 10)).extracting(EcoApplication::declarationId).contains("D4");

        store.markEmitted("D4", 3);
        store.markEmitted("D4", 2); // a late confirmation of the older change does not move it back
        EcoApplication done = store.find("D4").orElseThrow();
        assertThat(done.emittedSequence()).isEqualTo(3);
        assertThat(done.emissionPending()).isFalse();
        assertThat(store.pendingEmissions(T0.plusSeconds(60), 10)).extracting(EcoApplication::declarationId)
                .doesNotContain("D4");
    }

    @Test
    void rescheduleOfAStaleSequenceIsIgnored() {
        store.insert(application("D5", IssuanceStatus.REQUESTED, 1, T0, 0));
        store.update(application("D5", IssuanceStatus.SUBMITTED, 2, T0, 0), 1);

        store.reschedule("D5", 1, T0.plus(Duration.ofDays(9)));
        assertThat(store.find("D5").orElseThrow().nextCheckAt()).isEqualTo(T0);

        store.reschedule("D5", 2, T0.plus(Duration.ofHours(1)));
        assertThat(store.find("D5").orElseThrow().nextCheckAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void aDueApplicationIsLeasedOnceUntilTheLeaseEnds() {
        store.insert(application("D6", IssuanceStatus.SUBMITTED, 1, T0, 0));
        store.insert(application("D7", IssuanceStatus.SUBMITTED, 1, T0.plus(Duration.ofHours(2)), 0));
        Instant now = T0.plusSeconds(1);
        Instant leaseUntil = now.plus(Duration.ofMinutes(5));

        assertThat(store.claimDue(now, leaseUntil, 10)).extracting(EcoApplication::declarationId).containsExactly("D6");
        assertThat(store.claimDue(now, leaseUntil, 10)).isEmpty();
        assertThat(store.find("D6").orElseThrow().nextCheckAt()).isEqualTo(leaseUntil);
        // After the lease the application is due again (the claimer crashed): another poller takes it.
        assertThat(store.claimDue(leaseUntil, leaseUntil.plus(Duration.ofMinutes(5)), 10))
                .extracting(EcoApplication::declarationId).containsExactly("D6");
    }

    @Test
    void concurrentPollersNeverClaimTheSameApplication() throws Exception {
        for (int i = 0; i < 20; i++) {
            store.insert(application("P" + i, IssuanceStatus.SUBMITTED, 1, T0.plusMillis(i), 0));
        }
        Instant now = T0.plusSeconds(5);

        List<List<EcoApplication>> claims = Races.run(4, i -> store.claimDue(now, now.plus(Duration.ofMinutes(5)), 20));

        List<String> claimed = new ArrayList<>();
        claims.forEach(c -> c.forEach(a -> claimed.add(a.declarationId())));
        assertThat(claimed).doesNotHaveDuplicates().hasSize(20);
    }
}
