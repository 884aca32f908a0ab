package org.originbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originbridge.intake.Declarations.bom;
import static org.originbridge.intake.Declarations.certificateOfOrigin;
import static org.originbridge.intake.Declarations.item;
import static org.originbridge.intake.Declarations.nonOriginating;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationRejected;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.intake.FieldProblem;
import org.originbridge.intake.adapter.kafka.DeclarationAvroMapper;
import org.originbridge.origin.declaration.Declaration;
import org.originbridge.platform.Topics;
import org.originbridge.testsupport.RealInfrastructure;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.TestIssuer;
import org.originbridge.testsupport.TopicProbe;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hostile records on coo-declarations-submitted (issue 6), all under one key so that they queue on one
 * partition in front of a valid declaration: each gets its exact answer (a rejection naming the field, or the
 * DLT with the reason), and the valid declaration behind them is still ACCEPTED: the listener never dies.
 */
// a free management port: a local stack on the default ports must not break the test
@SpringBootTest(properties = "management.server.port=0")
class HostileRecordsIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String DLT = Topics.deadLetter(Topics.DECLARATIONS_SUBMITTED, "declaration-intake");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.registerProperties(registry);
        TestIssuer.registerProperties(registry);
        EmbeddedMongo.registerProperties(registry, "intake-hostile-it");
    }

    @Test
    void hostileRecordsGetTheirAnswerAndTheNextValidDeclarationIsAccepted() {
        String key = "IT-HOSTILE-" + UUID.randomUUID();
        String deepRule = "(".repeat(50_000) + "CTH" + ")".repeat(50_000);
        Declaration deep = certificateOfOrigin().id(key + "-deep").submittedAt(Instant.now())
                .goods(item().bom(bom(deepRule, nonOriginating("M1", "854129", "30.00"))).build()).build();
        Declaration.GoodsItem empty = new Declaration.GoodsItem(1, null, null, null, null, null, null, null, null, null);
        Declaration manyItems = certificateOfOrigin().id(key + "-20k").submittedAt(Instant.now())
                .goods(IntStream.range(0, 20_000).mapToObj(i -> empty).toArray(Declaration.GoodsItem[]::new)).build();
        Declaration crLfReference = certificateOfOrigin().id(key + "-ref").referenceNumber("CO-1\r\nX: y")
                .submittedAt(Instant.now()).build();
        Declaration longText = certificateOfOrigin().id(key + "-text").submittedAt(Instant.now())
                .goods(item().description("D".repeat(200_000)).build()).build();
        DeclarationSubmitted crLfId = DeclarationAvroMapper.toEvent(certificateOfOrigin().id("ID\r\nX-Injected: yes")
                .submittedAt(Instant.now()).build());
        DeclarationSubmitted oversized = DeclarationAvroMapper.toEvent(certificateOfOrigin().id(key + "-oversized")
                .submittedAt(Instant.now()).goods(item().description("O".repeat(300_000)).build()).build());
        Declaration valid = certificateOfOrigin().id(key).submittedAt(Instant.now()).build();

        // The wire header (0x00 + schema id) of a real DeclarationSubmitted, for a hand-made hostile body below.
        String probe = key + "-probe";
        TopicProbe.sendAvro(Topics.DECLARATIONS_SUBMITTED, probe, DeclarationAvroMapper.toEvent(
                certificateOfOrigin().id(probe).submittedAt(Instant.now()).build()));
        byte[] header = java.util.Arrays.copyOf(TopicProbe.awaitRawRecord(Topics.DECLARATIONS_SUBMITTED,
                r -> probe.equals(r.key()), WAIT).value(), 5);
        // declarationId claims 2^30 characters: Avro would allocate them; the string limit refuses at once
        byte[] hugeClaim = java.util.Arrays.copyOf(header, 10);
        System.arraycopy(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08}, 0, hugeClaim, 5, 5);

        TopicProbe.sendAvro(Topics.DECLARATIONS_SUBMITTED, key, DeclarationAvroMapper.toEvent(deep));
        TopicProbe.sendAvro(Topics.DECLARATIONS_SUBMITTED, key, DeclarationAvroMapper.toEvent(manyItems));
        TopicProbe.sendAvro(Topics.DECLARATIONS_SUBMITTED, key, DeclarationAvroMapper.toEvent(crLfReference));
        TopicProbe.sendAvro(Topics.DECLARATIONS_SUBMITTED, key, DeclarationAvroMapper.toEvent(longText));
        TopicProbe.sendAvro(Topics.DECLARATIONS_SUBMITTED, key, crLfId);
        TopicProbe.sendAvro(Topics.DECLARATIONS_SUBMITTED, key, oversized);
        TopicProbe.sendRaw(Topics.DECLARATIONS_SUBMITTED, key, hugeClaim);
        TopicProbe.sendAvro(Topics.DECLARATIONS_SUBMITTED, key, DeclarationAvroMapper.toEvent(valid));

        assertThat(rejection(key + "-deep").getProblems()).extracting(FieldProblem::getField, FieldProblem::getCode)
                .contains(org.assertj.core.groups.Tuple.tuple("goods[0].billOfMaterials.rule", "INVALID_RULE"));
        DeclarationRejected tooMany = rejection(key + "-20k");
        assertThat(tooMany.getProblems()).extracting(FieldProblem::getField, FieldProblem::getCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("goods", "LIMIT_EXCEEDED"));
        assertThat(rejection(key + "-ref").getProblems()).extracting(FieldProblem::getField, FieldProblem::getCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("referenceNumber", "INVALID_ID"));
        assertThat(rejection(key + "-text").getProblems()).extracting(FieldProblem::getField, FieldProblem::getCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("goods[0].description", "LIMIT_EXCEEDED"));

        ConsumerRecord<String, DeclarationAccepted> accepted = TopicProbe.awaitRecord(Topics.DECLARATIONS_ACCEPTED,
                DeclarationAccepted.class, r -> key.equals(r.key()) && key.equals(r.value().getDeclarationId()), WAIT);
        assertThat(accepted.value().getSupplierId()).isEqualTo("SUP-SZ-POWERTECH");

        TopicProbe.awaitRawRecord(DLT, r -> key.equals(r.key()) && r.value().length > 300_000, WAIT);
        TopicProbe.awaitRawRecord(DLT, r -> key.equals(r.key()) && java.util.Arrays.equals(r.value(), hugeClaim), WAIT);
        ConsumerRecord<String, byte[]> unsafeId = TopicProbe.awaitRawRecord(DLT, r -> key.equals(r.key())
                && reason(r).contains("declarationId"), WAIT);
        assertThat(reason(unsafeId)).contains("cannot be identified safely").doesNotContain("\r", "\n");
    }

    @Test
    void aRejectionTooLargeForTheTopicIsPublishedWithoutTheCopyOfTheDeclarationNeverDeadLettered() throws Exception {
        // Issue 7 item 1: a submitted record just under the producer's 1 MiB record limit whose rejection (the copy
        // of the declaration + the problems) is over it. The rejection must still be published (without the copy),
        // so the declaration ends REJECTED instead of being retried, dead-lettered and left SUBMITTED.
        String id = "IT-LARGE-REJECTION-" + UUID.randomUUID();
        int target = 1_048_576 - 300; // the whole wire value (0x00 + schema id + Avro) of the submitted record
        String filler = "";
        DeclarationSubmitted large = null;
        for (int round = 0; round < 4; round++) {
            java.util.List<org.originbridge.events.intake.GoodsItem> goods = new java.util.ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                goods.add(org.originbridge.events.intake.GoodsItem.newBuilder().setItemNumber(i)
                        .setDescription("D".repeat(250_000)).build());
            }
            goods.add(org.originbridge.events.intake.GoodsItem.newBuilder().setItemNumber(5).setDescription(filler).build());
            large = DeclarationSubmitted.newBuilder().setDeclarationId(id).setSupplierId("SUP-IT-LARGE")
                    .setSubmittedAt(Instant.now()).setGoods(goods).build();
            int missing = target - (5 + avroSize(large));
            filler = "F".repeat(Math.max(0, filler.length() + missing));
        }
        assertThat(5 + avroSize(large)).as("the submitted record fits the record limit").isEqualTo(target);

        TopicProbe.sendAvro(Topics.DECLARATIONS_SUBMITTED, id, large);

        DeclarationRejected rejected = rejection(id);
        assertThat(rejected.getDeclaration()).as("published without the copy").isNull();
        assertThat(rejected.getProblems()).extracting(FieldProblem::getField, FieldProblem::getCode)
                .contains(org.assertj.core.groups.Tuple.tuple("goods[0].description", "LIMIT_EXCEEDED"));
        assertThat(TopicProbe.rawCountUpToEnd(DLT, id)).as("never dead-lettered").isZero();
    }

    private static int avroSize(DeclarationSubmitted value) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.apache.avro.io.BinaryEncoder encoder = org.apache.avro.io.EncoderFactory.get().binaryEncoder(out, null);
        new org.apache.avro.specific.SpecificDatumWriter<>(DeclarationSubmitted.class).write(value, encoder);
        encoder.flush();
        return out.size();
    }

    private static DeclarationRejected rejection(String id) {
        ConsumerRecord<String, DeclarationRejected> r = TopicProbe.awaitRecord(Topics.DECLARATIONS_REJECTED,
                DeclarationRejected.class, rec -> id.equals(rec.key()), WAIT);
        return r.value();
    }

    private static String reason(ConsumerRecord<String, byte[]> r) {
        var header = r.headers().lastHeader("kafka_dlt-exception-message");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
