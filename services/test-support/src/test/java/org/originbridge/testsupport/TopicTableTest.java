package org.originbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.originbridge.platform.Topics;
import org.originbridge.runtime.KafkaPrincipals;

/**
 * The topics `bin/originbridge up` creates (kafka-principals.conf, applied by KafkaAccess as the admin,
 * since services may not create topics) are the platform's catalogue with the platform's configs:
 * {@code Topics.configs} stays the one place where a topic's retention is decided, and the table follows it.
 */
class TopicTableTest {

    private static final KafkaPrincipals TABLE = KafkaPrincipals.read(Path.of("../../deploy/runtime/config/kafka-principals.conf"));

    @Test
    void everyCatalogueTopicIsCreatedWithThePlatformsConfigs() {
        Map<String, KafkaPrincipals.TopicSpec> byName = new java.util.HashMap<>();
        TABLE.topics().forEach(t -> byName.put(t.name(), t));
        java.util.List<String> expected = new java.util.ArrayList<>(Topics.Catalogue.ALL.stream().map(t -> t.name()).toList());
        expected.add("originbridge-dlt-replays"); // the runtime's replay ledger (DeadLetters.LEDGER)
        assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        for (String topic : Topics.ALL) {
            assertThat(byName.get(topic).configs()).as(topic).isEqualTo(Topics.configs(topic));
        }
        // signing-keys: as the platform's signing auto-configuration declares it (one partition, compacted)
        assertThat(byName.get(Topics.SIGNING_KEYS).partitions()).isEqualTo(1);
        assertThat(byName.get(Topics.SIGNING_KEYS).configs()).isEqualTo(Map.of("cleanup.policy", "compact"));
    }

    @Test
    void everyServicesDeadLetterTopicsAreCreatedUnderThePlatformsNames() {
        for (KafkaPrincipals.Principal p : TABLE.principals()) {
            if (p.kind() == KafkaPrincipals.Kind.SERVICE) {
                for (String topic : p.read()) {
                    assertThat(TABLE.topicsToCreate()).extracting(KafkaPrincipals.TopicSpec::name)
                            .contains(Topics.deadLetter(topic, p.name()));
                }
            }
        }
    }
}
