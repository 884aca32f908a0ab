package org.originbridge.scoring.config;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

import org.originbridge.scoring.adapter.kafka.CompactedTopicScores;
import org.originbridge.scoring.adapter.kafka.KafkaScorePublisher;
import org.originbridge.scoring.adapter.metrics.MicrometerScoringMetrics;
import org.originbridge.scoring.adapter.mongo.MongoConsignmentDirectory;
import org.originbridge.scoring.adapter.mongo.MongoDeclarationLedger;
import org.originbridge.scoring.adapter.mongo.MongoReplayMark;
import org.originbridge.scoring.adapter.mongo.MongoSupplierRecords;
import org.originbridge.scoring.domain.ComplianceScoring;
import org.originbridge.scoring.domain.ScoringModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the domain to its adapters. */
@Configuration(proxyBeanMethods = false)
public class ScoringConfiguration {

    @Bean
    MongoSupplierRecords supplierRecords(MongoDatabase scoringDatabase) {
        return new MongoSupplierRecords(scoringDatabase);
    }

    @Bean
    ComplianceScoring complianceScoring(MongoSupplierRecords records, MongoDatabase scoringDatabase,
            KafkaTemplate<String, Object> template, ConsumerFactory<Object, Object> consumers,
            ScoringProperties properties, MeterRegistry meters) {
        return new ComplianceScoring(records, new MongoDeclarationLedger(scoringDatabase),
                new MongoConsignmentDirectory(scoringDatabase),
                new KafkaScorePublisher(template, properties.publishTimeout()), new ScoringModel(properties.policy()),
                new MicrometerScoringMetrics(meters), new CompactedTopicScores(consumers, Duration.ofSeconds(60)),
                MongoReplayMark.effective(scoringDatabase, properties.replayBefore()));
    }
}
