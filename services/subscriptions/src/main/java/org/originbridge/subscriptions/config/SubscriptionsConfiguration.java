package org.originbridge.subscriptions.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoDatabase;
import org.originbridge.subscriptions.adapter.crypto.SecretKeyRing;
import org.originbridge.subscriptions.adapter.http.EventStreams;
import org.originbridge.subscriptions.adapter.mongo.MongoDeliveries;
import org.originbridge.subscriptions.adapter.mongo.MongoEventLog;
import org.originbridge.subscriptions.adapter.mongo.MongoSubscriptions;
import org.originbridge.subscriptions.adapter.scheduling.DispatcherLoop;
import org.originbridge.subscriptions.adapter.webhook.HttpWebhookSender;
import org.originbridge.subscriptions.domain.Dispatcher;
import org.originbridge.subscriptions.domain.ManageSubscriptions;
import org.originbridge.subscriptions.domain.RecordFact;
import org.originbridge.subscriptions.domain.SsrfGuard;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the domain to its adapters; the dispatcher loop and the event streams run on Spring's TaskScheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class SubscriptionsConfiguration {

    @Bean
    Clock subscriptionsClock() {
        return Clock.systemUTC();
    }

    @Bean
    MongoEventLog eventLog(MongoDatabase database) {
        return new MongoEventLog(database);
    }

    /** The master keys of webhook secrets at rest: SUBSCRIPTIONS_ENCRYPTION_KEYS, else the key file (made on first start). */
    @Bean
    SecretKeyRing secretKeyRing(SubscriptionsProperties properties) {
        SubscriptionsProperties.Encryption encryption = properties.encryption();
        List<String> keys = encryption.keys().stream().filter(k -> !k.isBlank()).toList();
        if (!keys.isEmpty()) {
            return SecretKeyRing.of(keys);
        }
        if (encryption.keyFile().isBlank()) {
            throw new IllegalStateException("originbridge.subscriptions.encryption.keys (SUBSCRIPTIONS_ENCRYPTION_KEYS) or "
                    + ".key-file (SUBSCRIPTIONS_ENCRYPTION_KEY_FILE) is required: webhook secrets are stored encrypted");
        }
        return SecretKeyRing.fromFile(Path.of(encryption.keyFile()));
    }

    /** The store; at start-up every secret not yet under the current master key is re-encrypted. */
    @Bean
    MongoSubscriptions subscriptionStore(MongoDatabase database, SecretKeyRing keys) {
        MongoSubscriptions store = new MongoSubscriptions(database, keys);
        int rewritten = store.rewrap();
        if (rewritten > 0) {
            LoggerFactory.getLogger(SubscriptionsConfiguration.class)
                    .info("re-encrypted the secrets of {} subscriptions under key {}", rewritten, keys.currentKeyId());
        }
        return store;
    }

    @Bean
    MongoDeliveries deliveries(MongoDatabase database) {
        return new MongoDeliveries(database);
    }

    @Bean
    SsrfGuard ssrfGuard(SubscriptionsProperties properties) {
        return new SsrfGuard(Set.copyOf(properties.allowedHosts()), host -> List.of(InetAddress.getAllByName(host)));
    }

    @Bean
    RecordFact recordFact(MongoEventLog log, MongoSubscriptions subscriptions, MongoDeliveries deliveries, Clock clock) {
        return new RecordFact(log, subscriptions, deliveries, clock);
    }

    @Bean
    ManageSubscriptions manageSubscriptions(MongoSubscriptions subscriptions, MongoDeliveries deliveries, MongoEventLog log,
                                            SsrfGuard guard, SubscriptionsProperties properties, Clock clock) {
        return new ManageSubscriptions(subscriptions, deliveries, log, guard, properties.maxSubscriptionsPerClient(),
                properties.maxReplay(), properties.secretGrace(), properties.maxSecretGrace(), clock);
    }

    @Bean(destroyMethod = "close")
    HttpWebhookSender webhookSender(SsrfGuard guard, SubscriptionsProperties properties, Clock clock) {
        return new HttpWebhookSender(guard, properties.connectTimeout(), properties.readTimeout(),
                properties.workers() * 2, clock);
    }

    @Bean
    Dispatcher dispatcher(MongoDeliveries deliveries, MongoSubscriptions subscriptions, MongoEventLog log,
                          HttpWebhookSender sender, SubscriptionsProperties properties, Clock clock) {
        return new Dispatcher(deliveries, subscriptions, log, sender, properties.retry().schedule(), properties.lease(),
                properties.batch(), clock);
    }

    @Bean
    DispatcherLoop dispatcherLoop(Dispatcher dispatcher, SubscriptionsProperties properties, TaskScheduler scheduler) {
        return new DispatcherLoop(dispatcher, properties, scheduler);
    }

    @Bean
    EventStreams eventStreams(MongoEventLog log, SubscriptionsProperties properties, TaskScheduler scheduler) {
        return new EventStreams(log, properties.stream(), scheduler);
    }
}
