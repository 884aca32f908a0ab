package org.originbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.originbridge.events.scoring.ScoreFactor;
import org.originbridge.events.scoring.SupplierComplianceScore;
import org.originbridge.platform.Topics;

/**
 * The infrastructure every *IT relies on: a real broker and a real registry, and our Avro events
 * crossing them in Confluent's wire format, readable by a client that knows only that format.
 */
class RealInfrastructureIT {

    @Test
    void anEventWrittenWithApicurioSerdesIsConfluentWireFormatReadableThroughTheCompatibleApi() {
        SupplierComplianceScore score = AvroBuilders.supplierComplianceScore("supplier-it-1", 82).setSource("it").build();

        TopicProbe.sendAvro(Topics.SUPPLIER_COMPLIANCE_SCORES, "supplier-it-1", score);

        ConsumerRecord<String, SupplierComplianceScore> typed = TopicProbe.awaitRecord(
                Topics.SUPPLIER_COMPLIANCE_SCORES, SupplierComplianceScore.class,
                r -> r.key().equals("supplier-it-1"), Duration.ofSeconds(30));
        assertThat(typed.value()).isEqualTo(score);

        ConsumerRecord<String, byte[]> raw = TopicProbe.awaitRawRecord(Topics.SUPPLIER_COMPLIANCE_SCORES,
                r -> r.key().equals("supplier-it-1"), Duration.ofSeconds(30));
        assertThat(raw.value()[0]).as("Confluent magic byte").isZero();
        GenericRecord generic = new ConfluentWire(RealInfrastructure.confluentCompatibleUrl()).decode(raw.value());
        assertThat(generic.get("score")).isEqualTo(82);
        assertThat(generic.get("band").toString()).isEqualTo("GOOD");
        assertThat(generic.getSchema().getFullName()).isEqualTo(SupplierComplianceScore.getClassSchema().getFullName());
    }

    @Test
    void aRecordWrittenByAPlainConfluentClientIsReadByOurDeserializer() {
        ConfluentWire wire = new ConfluentWire(RealInfrastructure.confluentCompatibleUrl());
        String topic = "interop-check";
        int id = wire.register(topic, ScoreFactor.getClassSchema());
        GenericRecord factor = new org.apache.avro.generic.GenericData.Record(ScoreFactor.getClassSchema());
        factor.put("code", "RVC");
        factor.put("name", "Regional value content");
        factor.put("weight", 40);
        factor.put("value", 75);
        factor.put("explanation", BigDecimal.ONE.toPlainString());

        TopicProbe.sendRaw(topic, "k1", wire.encode(id, factor));

        ConsumerRecord<String, ScoreFactor> read = TopicProbe.awaitRecord(topic, ScoreFactor.class,
                r -> r.key().equals("k1"), Duration.ofSeconds(30));
        assertThat(read.value().getCode()).isEqualTo("RVC");
        assertThat(read.value().getWeight()).isEqualTo(40);
    }
}
