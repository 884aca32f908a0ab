package org.originbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.platform.errors.InvalidRecordException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The typed catalogue agrees with the String constants, the generated Avro classes and docs/api/asyncapi.yaml. */
class TopicCatalogueTest {

    private static final Path DOCUMENT = Path.of("../../docs/api/asyncapi.yaml").toAbsolutePath().normalize();

    @Test
    void everyTopicNameHasExactlyOneTypedEntry() {
        List<String> names = new ArrayList<>(Topics.ALL);
        names.add(Topics.SIGNING_KEYS);

        assertThat(Topics.Catalogue.ALL).extracting(Topic::name).containsExactlyInAnyOrderElementsOf(names);
        for (String name : names) {
            assertThat(Topics.Catalogue.byName(name)).as(name).get().extracting(Topic::name).isEqualTo(name);
        }
        assertThat(Topics.Catalogue.byName(Topics.deadLetter(Topics.DECLARATIONS_SUBMITTED, "declaration-intake"))).isEmpty();
    }

    @Test
    void everyValueIsAGeneratedAvroRecordWithAStringKey() {
        for (Topic<String, ?> topic : Topics.Catalogue.ALL) {
            assertThat(topic.keyType()).as(topic.name()).isEqualTo(String.class);
            assertThat(SpecificRecord.class).as(topic.name()).isAssignableFrom(topic.valueType());
            assertThat(topic.valueType().getPackageName()).as(topic.name()).startsWith("org.originbridge.events.");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAsyncApiMessageOfEveryTopicIsItsValueType() throws IOException {
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(DOCUMENT));
        Map<String, Object> channels = (Map<String, Object>) document.get("channels");
        for (Topic<String, ?> topic : Topics.Catalogue.ALL) {
            Map<String, Object> channel = channels.values().stream().map(c -> (Map<String, Object>) c)
                    .filter(c -> topic.name().equals(c.get("address"))).findFirst()
                    .orElseThrow(() -> new AssertionError("asyncapi.yaml has no channel " + topic.name()));
            Map<String, Object> messages = (Map<String, Object>) channel.get("messages");
            assertThat(messages.keySet()).as(topic.name()).containsExactly(topic.valueType().getSimpleName());
        }
    }

    @Test
    void aConsumedValueOfTheTopicsTypeIsHandedOverAndAnythingElseIsBadDataNamingTheValue() {
        DeclarationSubmitted submitted = new DeclarationSubmitted();
        assertThat(Topics.Catalogue.DECLARATIONS_SUBMITTED.valueOf(submitted)).isSameAs(submitted);

        // another registered schema written to the topic by an external producer, a tombstone, a hostile String
        for (Object other : new Object[] {new DeclarationAccepted(), null, "x\r\ny"}) {
            assertThatThrownBy(() -> Topics.Catalogue.DECLARATIONS_SUBMITTED.valueOf(other))
                    .isInstanceOf(InvalidRecordException.class)
                    .hasMessageStartingWith("value: expected a DeclarationSubmitted record on coo-declarations-submitted, got ");
        }
    }
}
