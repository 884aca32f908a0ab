package org.originbridge.platform;

import java.util.Objects;

import org.originbridge.platform.errors.InvalidRecordException;

/**
 * One entry of the typed topic catalogue ({@link Topics#CATALOGUE}): the topic's name, the Java type of its key
 * and of its value (the generated Avro record, subject {@code <name>-value}). Producers send through it
 * ({@link org.originbridge.platform.kafka.AcknowledgedSend#send(org.springframework.kafka.core.KafkaOperations,
 * Topic, Object, Object, java.time.Duration)}), so a record of the wrong type for a topic does not compile.
 * {@code @KafkaListener} needs a compile-time constant, so listeners name {@link #name()}'s constant in
 * {@link Topics} and take {@code ConsumerRecord<K, V>} of this entry's types.
 *
 * @param name      the topic name (kebab-case, a constant of {@link Topics})
 * @param keyType   the key's type (every catalogue key is a String business id)
 * @param valueType the value's generated Avro record class
 */
public record Topic<K, V>(String name, Class<K> keyType, Class<V> valueType) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
    }

    public static <K, V> Topic<K, V> of(String name, Class<K> keyType, Class<V> valueType) {
        return new Topic<>(name, keyType, valueType);
    }

    /**
     * A consumed value as this topic's value type. A listener takes {@code ConsumerRecord<K, V>} of this entry's
     * types; the deserializer still hands over whatever registered schema a producer wrote (another record type,
     * or null for a tombstone), so the listener reads the value through here: anything else is bad data
     * ({@link InvalidRecordException} on field {@code value}, dead-lettered at once with the reason), never a
     * {@link ClassCastException} with no field named.
     */
    public V valueOf(Object value) {
        if (!valueType.isInstance(value)) {
            throw new InvalidRecordException("value", "expected a " + valueType.getSimpleName() + " record on " + name
                    + ", got " + (value == null ? "null" : value.getClass().getName()));
        }
        return valueType.cast(value);
    }

    @Override
    public String toString() {
        return name;
    }
}
