package org.originbridge.intake.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.originbridge.intake.domain.ErpStore.RuleTableVersion;
import org.originbridge.origin.rule.HsEdition;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.Races;

/**
 * The rule-table numbering guard of {@link MongoErpStore} against the embedded Mongo wire server: each load of an
 * agreement's table gets the next version, and concurrent loads never share one (the {@code _id} carries the version,
 * so a second insert of a version is a duplicate key and that loader takes the next number).
 */
class MongoErpStoreTest {

    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    private final MongoErpStore store = new MongoErpStore(EmbeddedMongo.freshDatabase("intake-erp"));

    private static RuleTableVersion table(String source, Instant loadedAt) {
        return new RuleTableVersion("RCEP", HsEdition.HS2022, 0, source, "940540;CTH", false, 1, loadedAt);
    }

    @Test
    void eachLoadGetsTheNextVersionAndTheLatestIsTheLastLoaded() {
        assertThat(store.addRuleTable(table("first.csv", T0))).isEqualTo(1);
        assertThat(store.addRuleTable(table("second.csv", T0.plusSeconds(60)))).isEqualTo(2);

        RuleTableVersion latest = store.latestRuleTable("RCEP").orElseThrow();
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.source()).isEqualTo("second.csv");
        assertThat(store.latestRuleTable("{\"$ne\": null}")).isEmpty(); // a hostile agreement name is a value
    }

    @Test
    void concurrentLoadsNeverShareAVersion() throws Exception {
        List<Integer> versions = Races.run(4, i -> store.addRuleTable(table("load-" + i + ".csv", T0.plusSeconds(i))));

        assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4);
    }
}
