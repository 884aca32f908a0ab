package org.originbridge.platform.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What every MongoDB-backed service shares: the service's database, named by the connection
 * string ({@code MONGODB_URI}, e.g. {@code mongodb://host:27017/originbridge}; "originbridge"
 * when the URI names none), and MongoDB health by {@code ping}. The health indicator replaces Boot's
 * indicator (same bean name, so Boot's backs off), which sends {@code hello}: the MongoDB wire
 * server used locally and in tests (mongo-java-server) does not implement that command, while
 * {@code ping} behaves the same there and on every real MongoDB.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass({MongoClient.class, MongoHealthContributorAutoConfiguration.class})
@ConditionalOnBean(MongoClient.class)
public class MongoPlatformAutoConfiguration {

    static final String DEFAULT_DATABASE = "originbridge";

    @Bean
    @ConditionalOnMissingBean
    MongoDatabase originbridgeDatabase(MongoClient client, MongoConnectionDetails connection) {
        String name = connection.getConnectionString().getDatabase();
        return client.getDatabase(name == null || name.isBlank() ? DEFAULT_DATABASE : name);
    }

    @Bean
    AbstractHealthIndicator mongoHealthIndicator(MongoClient client) {
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                client.getDatabase("admin").runCommand(new Document("ping", 1));
                builder.up();
            }
        };
    }
}
