package org.originbridge.platform.signing;

import java.time.Clock;
import java.time.Duration;

import org.originbridge.events.signing.SigningKeyPublished;
import org.originbridge.platform.Topics;
import org.originbridge.platform.kafka.AcknowledgedSend;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Publishes the PUBLIC half of each of this service's published keys on {@link Topics#SIGNING_KEYS}
 * (key = kid), waiting for the broker's acknowledgement. Run at every start (and after a rotation):
 * re-publishing the same key is harmless, readers keep the newest {@code publishedAt} per kid.
 */
public final class SigningKeyPublisher {

    private final SigningKeys keys;
    private final KafkaOperations<String, Object> kafka;
    private final Duration timeout;
    private final Clock clock;

    public SigningKeyPublisher(SigningKeys keys, KafkaOperations<String, Object> kafka, Duration timeout, Clock clock) {
        this.keys = keys;
        this.kafka = kafka;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** @return how many keys were published */
    public int publishAll() {
        String current = keys.current().kid();
        var published = keys.published();
        for (SigningKeys.SigningKey key : published) {
            AcknowledgedSend.send(kafka, Topics.Catalogue.SIGNING_KEYS, key.kid(), toEvent(key, key.kid().equals(current)), timeout);
        }
        return published.size();
    }

    SigningKeyPublished toEvent(SigningKeys.SigningKey key, boolean current) {
        return SigningKeyPublished.newBuilder()
                .setKid(key.kid())
                .setService(keys.service())
                .setAlgorithm("ES256")
                .setJwk(key.publicJwk().toJSONString())
                .setNotBefore(key.notBefore())
                .setNotAfter(key.notAfter())
                .setCurrent(current)
                .setPublishedAt(clock.instant())
                .build();
    }
}
