package org.originbridge.status.config;

import java.time.Clock;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.originbridge.platform.signing.TokenSigner;
import org.originbridge.status.adapter.mongo.MongoStatusStore;
import org.originbridge.status.domain.StatusProjection;
import org.originbridge.status.domain.StatusQueries;
import org.originbridge.status.domain.TokenCheck;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the domain to MongoDB and the token signer. */
@Configuration(proxyBeanMethods = false)
public class StatusQueryConfiguration {

    @Bean
    MongoDatabase statusDatabase(MongoClient client, MongoProperties properties) {
        String name = properties.getMongoClientDatabase();
        return client.getDatabase(name == null ? "originbridge" : name);
    }

    @Bean
    MongoStatusStore mongoStatusStore(MongoDatabase statusDatabase) {
        MongoStatusStore store = new MongoStatusStore(statusDatabase);
        store.createIndexes();
        return store;
    }

    @Bean
    StatusProjection statusProjection(MongoStatusStore store) {
        return new StatusProjection(store);
    }

    @Bean
    StatusQueries statusQueries(MongoStatusStore store, TokenSigner signer, StatusQueryProperties properties,
            ObjectProvider<Clock> clock) {
        return new StatusQueries(store, tokenCheck(signer, properties.tokens().verificationCodeType()),
                tokenCheck(signer, properties.tokens().qrTokenType()), clock.getIfAvailable(Clock::systemUTC));
    }

    private static TokenCheck tokenCheck(TokenSigner signer, String type) {
        return token -> {
            try {
                return TokenCheck.Result.valid(signer.verify(type, token));
            } catch (TokenSigner.InvalidTokenException e) {
                return TokenCheck.Result.invalid(e.getMessage());
            }
        };
    }

    /**
     * MongoDB health by {@code ping} on the service's database. Replaces Boot's indicator, which
     * sends {@code hello}: the embedded wire server used locally does not know that command,
     * while {@code ping} behaves the same on every MongoDB.
     */
    @Bean
    AbstractHealthIndicator mongoHealthIndicator(MongoDatabase statusDatabase) {
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                statusDatabase.runCommand(new Document("ping", 1));
                builder.up().withDetail("database", statusDatabase.getName());
            }
        };
    }
}
