package org.originbridge.status.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every language has every text the page, the iframe and the module use. */
class WebMessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"zh", "vi", "ms"})
    void everyBundleHasTheKeysOfTheEnglishOne(String lang) throws IOException {
        Properties english = load("i18n/messages.properties");
        Properties other = load("i18n/messages_" + lang + ".properties");
        assertThat(other.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String key : other.stringPropertyNames()) {
            assertThat(other.getProperty(key)).as(key).isNotBlank();
            if (english.getProperty(key).contains("{0}")) {
                assertThat(other.getProperty(key)).as(key).contains("{0}");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh", "vi", "ms"})
    void theCardsTextsAreAllThere(String lang) throws IOException {
        Properties bundle = load(lang.equals("en") ? "i18n/messages.properties" : "i18n/messages_" + lang + ".properties");
        Set<String> keys = bundle.stringPropertyNames();
        for (String label : VerificationCards.LABELS) {
            assertThat(keys).contains("label." + label);
        }
        for (String state : new String[] {"VERIFIED", "PENDING", "NOT_VERIFIED"}) {
            assertThat(keys).contains("state." + state + ".headline", "state." + state + ".explanation");
        }
        for (String check : new String[] {"INTEGRITY", "CUSTOMS_CHANNEL", "ISSUANCE", "ISSUER"}) {
            assertThat(keys).contains("check." + check + ".title", "check." + check + ".VALID", "check." + check + ".INVALID",
                    "check." + check + ".SKIPPED");
        }
        for (String status : new String[] {"REQUESTED", "SUBMITTED", "UNDER_REVIEW", "ISSUED", "REJECTED", "REVOKED",
                "FAILED", "UNKNOWN"}) {
            assertThat(keys).contains("issuance." + status);
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStreamReader in = new InputStreamReader(
                WebMessagesTest.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
