package org.originbridge.scoring.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.originbridge.scoring.adapter.kafka.KafkaScorePublisher;
import org.originbridge.scoring.adapter.mongo.MongoConsignmentDirectory;
import org.originbridge.scoring.adapter.mongo.MongoSupplierRecords;
import org.originbridge.scoring.domain.ComplianceScoring;
import org.originbridge.scoring.domain.ScoringModel;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the domain to its adapters. */
@Configuration(proxyBeanMethods = false)
public class ScoringConfiguration {

    static final String DEFAULT_DATABASE = "originbridge";

    @Bean
    MongoDatabase scoringDatabase(MongoClient client, MongoConnectionDetails connection) {
        String name = connection.getConnectionString().getDatabase();
        return client.getDatabase(name == null || name.isBlank() ? DEFAULT_DATABASE : name);
    }

    /** Named like Boot's own indicator so Boot's (which needs {@code hello}) backs off. */
    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoDatabase scoringDatabase) {
        return new MongoPingHealthIndicator(scoringDatabase);
    }

    @Bean
    MongoSupplierRecords supplierRecords(MongoDatabase scoringDatabase) {
        return new MongoSupplierRecords(scoringDatabase);
    }

    @Bean
    ComplianceScoring complianceScoring(MongoSupplierRecords records, MongoDatabase scoringDatabase,
            KafkaTemplate<String, Object> template, ScoringProperties properties) {
        return new ComplianceScoring(records, new MongoConsignmentDirectory(scoringDatabase),
                new KafkaScorePublisher(template), new ScoringModel(properties.policy()));
    }
}
