package org.originbridge.platform.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SystemLimitException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.originbridge.events.asw.VerificationCompleted;
import org.originbridge.events.ccpit.IssuanceStatusChanged;
import org.originbridge.events.common.Money;
import org.originbridge.events.failures.DeclarationProcessingFailed;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationRejected;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.logistics.LogisticsNodeEvent;
import org.originbridge.events.scoring.SupplierComplianceScore;
import org.originbridge.events.signing.SigningKeyPublished;

/**
 * Issue 7 item 5d, "an Error-throwing record from outside": the wire-level reasons why no record on a topic can
 * make a listener hit an {@link Error} (docs/testing.md, "Error-throwing record"). Each case is a hostile value an
 * outside producer could write; each must end in an exception (dead-lettered with a reason) or an ordinary, bounded
 * value, never in a {@link StackOverflowError} or an {@link OutOfMemoryError}. The in-JVM proof that an Error, were
 * one raised, is dead-lettered on the first attempt is {@code ListenerFailuresIT}.
 */
class HostileWireValuesTest {

    static {
        AvroTrust.trustEventPackages();
    }

    /** Every value schema a service listens to (Topics' catalogue). */
    private static final List<Schema> TOPIC_VALUES = List.of(DeclarationSubmitted.getClassSchema(),
            DeclarationAccepted.getClassSchema(), DeclarationRejected.getClassSchema(),
            VerificationCompleted.getClassSchema(), IssuanceStatusChanged.getClassSchema(),
            LogisticsNodeEvent.getClassSchema(), SupplierComplianceScore.getClassSchema(),
            SigningKeyPublished.getClassSchema(), DeclarationProcessingFailed.getClassSchema());

    /** Deepest nesting of records, arrays and maps the schemas allow (DeclarationAccepted today: 7). */
    private static final int MAX_NESTING = 16;

    @Test
    void noValueSchemaIsRecursiveSoNoRecordCanNestDeeperThanItsSchema() {
        // A recursive type (a record reachable from itself) is what lets a small input nest thousands deep and
        // overflow the decoder's or a mapper's stack. None exists: the nesting depth is fixed by the schema.
        for (Schema schema : TOPIC_VALUES) {
            assertThat(depth(schema, new ArrayDeque<>())).as(schema.getFullName()).isLessThanOrEqualTo(MAX_NESTING);
        }
    }

    @Test
    void aDecimalCarriesTheSchemasScaleSoNoExponentCanBeSentAndItsMagnitudeIsBounded() throws Exception {
        // The largest amount the wire allows: 1,024 bytes of unscaled value (about 2,466 digits) at scale 2.
        byte[] unscaled = new byte[AvroLimits.MAX_BYTES_LENGTH];
        Arrays.fill(unscaled, (byte) 0x7f);
        Money money = decodeMoney(unscaled);

        assertThat(money.getAmount().scale()).as("the schema's scale, never an exponent from the input").isEqualTo(2);
        assertThat(money.getAmount().unscaledValue().bitLength()).isLessThanOrEqualTo(8 * AvroLimits.MAX_BYTES_LENGTH);
        // arithmetic on it stays cheap: no rescaling to a billion digits is possible
        assertThat(money.getAmount().add(BigDecimal.ONE).toPlainString()).hasSizeLessThan(2_500);
    }

    @Test
    void aDecimalLongerThanTheBytesLimitIsRefusedBeforeItIsAllocated() throws Exception {
        byte[] unscaled = new byte[AvroLimits.MAX_BYTES_LENGTH + 1];

        assertThatThrownBy(() -> decodeMoney(unscaled)).isInstanceOf(SystemLimitException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {AvroLimits.MAX_COLLECTION_ITEMS + 1, Integer.MAX_VALUE})
    void anArrayClaimingHugeCountsIsRefusedWithAnExceptionBeforeItIsAllocated(int claimed) throws Exception {
        // Items of 0 bytes (null) are the cheapest an outside producer can claim: the count alone is refused
        // (SystemLimitException above our limit, UnsupportedOperationException near 2^31), an exception either way.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        encoder.writeArrayStart();
        encoder.setItemCount(claimed);
        encoder.flush();
        Schema array = Schema.createArray(Schema.create(Schema.Type.NULL));

        assertThatThrownBy(() -> new SpecificDatumReader<>(array).read(null,
                DecoderFactory.get().binaryDecoder(out.toByteArray(), null)))
                .isInstanceOfAny(SystemLimitException.class, UnsupportedOperationException.class)
                .message().containsIgnoringCase("collection");
    }

    private static Money decodeMoney(byte[] unscaled) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        encoder.writeBytes(unscaled);
        encoder.writeString("CNY");
        encoder.flush();
        return new SpecificDatumReader<>(Money.class).read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }

    /** Nesting depth of a schema; fails on a named type reachable from itself. */
    private static int depth(Schema schema, Deque<String> path) {
        return switch (schema.getType()) {
            case RECORD -> {
                assertThat(path).as("recursive type " + schema.getFullName() + " via " + path)
                        .doesNotContain(schema.getFullName());
                path.push(schema.getFullName());
                int max = 0;
                for (Schema.Field field : schema.getFields()) {
                    max = Math.max(max, depth(field.schema(), path));
                }
                path.pop();
                yield 1 + max;
            }
            case ARRAY -> 1 + depth(schema.getElementType(), path);
            case MAP -> 1 + depth(schema.getValueType(), path);
            case UNION -> schema.getTypes().stream().mapToInt(s -> depth(s, path)).max().orElse(0);
            default -> 0;
        };
    }
}
