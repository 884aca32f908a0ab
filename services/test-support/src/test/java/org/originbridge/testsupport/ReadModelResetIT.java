package org.originbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.originbridge.runtime.ReadModelReset;

/** What `bin/originbridge rebuild` does between stopping and restarting a read model's service. */
class ReadModelResetIT {

    @Test
    void dropsTheReadModelsCollectionsOnlyAndForgetsTheConsumerGroupsOffsets() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String database = "rebuild-it-" + suffix;
        String uri = EmbeddedMongo.connectionString() + "/" + database;
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase db = client.getDatabase(database);
            db.getCollection("declarations").insertOne(new Document("_id", "DECL-1"));
            db.getCollection("supplierScores").insertOne(new Document("_id", "SUP-1"));
            db.getCollection("ecoApplications").insertOne(new Document("_id", "DECL-1"));

            ReadModelReset.dropCollections(uri, List.of("declarations", "supplierScores"));

            assertThat(db.getCollection("declarations").countDocuments()).isZero();
            assertThat(db.getCollection("supplierScores").countDocuments()).isZero();
            assertThat(db.getCollection("ecoApplications").countDocuments()).as("another service's data").isEqualTo(1);
        }

        String bootstrap = RealInfrastructure.bootstrapServers();
        String topic = "rebuild-it-" + suffix;
        String group = "rebuild-it-group-" + suffix;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0))).all().get();
            assertThat(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()).isNotEmpty();

            assertThat(ReadModelReset.deleteGroup(bootstrap, group)).isTrue();
            assertThat(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()).isEmpty();
            assertThat(ReadModelReset.deleteGroup(bootstrap, group)).as("already gone").isFalse();
        }
    }
}
