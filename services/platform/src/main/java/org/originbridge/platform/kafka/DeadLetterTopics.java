package org.originbridge.platform.kafka;

import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.NewTopic;
import org.originbridge.platform.Topics;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Declares the dead-letter topic {@code <topic>-<application>-dlt} of every topic this application
 * listens to (found on the {@code @KafkaListener} methods of its beans) as a {@link NewTopic}, so
 * the broker has it before any listener starts and a dead letter always has somewhere to go.
 * Applications that consume nothing get no DLT. Runs on bean definitions, before any bean is
 * created, so Kafka's admin creates these together with the other topics.
 */
class DeadLetterTopics implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

    static final String BEAN_NAME = "originbridgeDeadLetterNewTopics";

    private Environment environment;

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
        NewTopic[] deadLetters = deadLetterTopics(registry);
        if (deadLetters.length > 0) {
            registry.registerBeanDefinition(BEAN_NAME, BeanDefinitionBuilder
                    .genericBeanDefinition(KafkaAdmin.NewTopics.class, () -> new KafkaAdmin.NewTopics(deadLetters))
                    .getBeanDefinition());
        }
    }

    /** One dead-letter topic per listened topic, sized like the platform's other topics. */
    NewTopic[] deadLetterTopics(BeanDefinitionRegistry registry) {
        Set<String> topics = listenedTopics(registry);
        if (topics.isEmpty()) {
            return new NewTopic[0];
        }
        String application = environment.getRequiredProperty("spring.application.name");
        KafkaPlatformProperties properties = Binder.get(environment)
                .bindOrCreate("originbridge.kafka", KafkaPlatformProperties.class);
        return topics.stream()
                .map(topic -> new NewTopic(Topics.deadLetter(topic, application), properties.partitions(),
                        properties.replicationFactor()))
                .toArray(NewTopic[]::new);
    }

    /** The topics named by the {@code @KafkaListener} methods of the registered beans' classes. */
    Set<String> listenedTopics(BeanDefinitionRegistry registry) {
        Set<String> topics = new TreeSet<>();
        for (String name : registry.getBeanDefinitionNames()) {
            Class<?> type = beanClass(registry.getBeanDefinition(name));
            if (type == null) {
                continue;
            }
            ReflectionUtils.doWithMethods(type, method -> {
                KafkaListener listener = AnnotatedElementUtils.findMergedAnnotation(method, KafkaListener.class);
                if (listener != null) {
                    for (String topic : listener.topics()) {
                        topics.add(environment.resolveRequiredPlaceholders(topic));
                    }
                }
            });
        }
        return topics;
    }

    private static Class<?> beanClass(BeanDefinition definition) {
        String className = definition.getBeanClassName();
        if (className == null || definition.getFactoryMethodName() != null) {
            return null;
        }
        try {
            return ClassUtils.forName(className, DeadLetterTopics.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }
}
