package org.originbridge.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.originbridge.platform.Topics;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.mock.env.MockEnvironment;

class DeadLetterTopicsTest {

    static class Listeners {
        @KafkaListener(topics = Topics.DECLARATIONS_ACCEPTED)
        void accepted(Object record) {
        }

        @KafkaListener(topics = {Topics.ASW_VERIFICATIONS, "${extra.topic}"})
        void verified(Object record) {
        }
    }

    static class NoListeners {
        void handle(Object record) {
        }
    }

    private final DefaultListableBeanFactory registry = new DefaultListableBeanFactory();

    @Test
    void declaresTheDeadLetterTopicOfEveryListenedTopic() {
        registry.registerBeanDefinition("listeners", new RootBeanDefinition(Listeners.class));
        registry.registerBeanDefinition("other", new RootBeanDefinition(NoListeners.class));

        DeadLetterTopics deadLetters = deadLetterTopics();
        NewTopic[] declared = deadLetters.deadLetterTopics(registry);
        deadLetters.postProcessBeanDefinitionRegistry(registry);

        assertThat(registry.getBean(DeadLetterTopics.BEAN_NAME)).isInstanceOf(KafkaAdmin.NewTopics.class);
        assertThat(declared).extracting(NewTopic::name).containsExactlyInAnyOrder(
                "coo-declarations-accepted-svc-dlt", "asw-verifications-svc-dlt", "custom-topic-svc-dlt");
        assertThat(declared).allSatisfy(t -> {
            assertThat(t.numPartitions()).isEqualTo(5);
            assertThat(t.replicationFactor()).isEqualTo((short) 1);
        });
    }

    @Test
    void anApplicationThatListensToNothingGetsNoDeadLetterTopic() {
        registry.registerBeanDefinition("other", new RootBeanDefinition(NoListeners.class));

        deadLetterTopics().postProcessBeanDefinitionRegistry(registry);

        assertThat(registry.containsBeanDefinition(DeadLetterTopics.BEAN_NAME)).isFalse();
    }

    private static DeadLetterTopics deadLetterTopics() {
        DeadLetterTopics deadLetters = new DeadLetterTopics();
        deadLetters.setEnvironment(new MockEnvironment().withProperty("spring.application.name", "svc")
                .withProperty("extra.topic", "custom-topic").withProperty("originbridge.kafka.partitions", "5"));
        return deadLetters;
    }
}
