package org.originbridge.e2e;

import java.time.Duration;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a scenario needs of the broker: write raw bytes, wait for a raw record. */
interface KafkaAccess {

    void sendRaw(String topic, String key, byte[] value);

    ConsumerRecord<String, byte[]> awaitRaw(String topic, Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout);
}
