package org.originbridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.originbridge.events.asw.VerificationOutcome;
import org.originbridge.events.ccpit.IssuanceStatus;
import org.originbridge.events.ccpit.IssuanceStatusChanged;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.scoring.ScoreBand;
import org.originbridge.platform.avro.AvroTrust;

/** Every shared builder's default is a complete record of its schema that survives the Avro binary encoding. */
class AvroBuildersTest {

    static {
        AvroTrust.trustEventPackages();
    }

    @Test
    void everyDefaultRecordSurvivesTheAvroBinaryEncodingUnchanged() throws IOException {
        DeclarationSubmitted declaration = AvroBuilders.declarationSubmitted("DECL-B-1").build();
        List<SpecificRecord> records = List.of(declaration,
                AvroBuilders.declarationAccepted(declaration).build(),
                AvroBuilders.declarationRejected(declaration).build(),
                AvroBuilders.verificationCompleted(declaration, "VC-1").build(),
                AvroBuilders.issuanceStatusChanged(declaration, IssuanceStatus.ISSUED, 3).build(),
                AvroBuilders.logisticsNodeEvent("EV-1", "TD-DECL-B-1").build(),
                AvroBuilders.supplierComplianceScore(AvroBuilders.SUPPLIER, 82).build());

        for (SpecificRecord record : records) {
            // compared as bytes and text: the generated equals() of Avro 1.12 cannot compare arrays of records
            // holding decimals (GenericData.compare does not know BigDecimal)
            SpecificRecord decoded = decode(record, encode(record));
            assertThat(encode(decoded)).as(record.getSchema().getName()).isEqualTo(encode(record));
            assertThat(decoded.toString()).as(record.getSchema().getName()).isEqualTo(record.toString());
        }
    }

    @Test
    void followingRecordsCarryTheDeclarationsIdsAndDecimalsHaveTheSchemasScale() {
        DeclarationSubmitted declaration = AvroBuilders.declarationSubmitted("DECL-B-2").setSupplierId("SUP-X").build();

        assertThat(AvroBuilders.verificationCompleted(declaration, "VC").build())
                .satisfies(v -> assertThat(v.getDeclarationId()).isEqualTo("DECL-B-2"))
                .satisfies(v -> assertThat(v.getTenantId()).isEqualTo("SUP-X"))
                .satisfies(v -> assertThat(v.getOutcome()).isEqualTo(VerificationOutcome.VERIFIED));
        IssuanceStatusChanged submitted = AvroBuilders.issuanceStatusChanged(declaration, IssuanceStatus.SUBMITTED, 1).build();
        assertThat(submitted.getCertificateNumber()).isNull();
        assertThat(AvroBuilders.issuanceStatusChanged(declaration, IssuanceStatus.ISSUED, 2).build().getCertificateNumber())
                .isEqualTo("CCPIT-CO-DECL-B-2");
        assertThat(declaration.getGoods().get(0).getFobValue().getAmount()).isEqualTo(new BigDecimal("18500.00"));
        assertThat(declaration.getGoods().get(0).getQuantity().scale()).isEqualTo(3);
        assertThat(AvroBuilders.supplierComplianceScore("S", 85).build().getBand()).isEqualTo(ScoreBand.EXCELLENT);
        assertThat(AvroBuilders.supplierComplianceScore("S", 69).build().getBand()).isEqualTo(ScoreBand.FAIR);
        assertThat(AvroBuilders.supplierComplianceScore("S", 49).build().getBand()).isEqualTo(ScoreBand.POOR);
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> byte[] encode(T record) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<T>((Class<T>) record.getClass()).write(record, encoder);
        encoder.flush();
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> T decode(T like, byte[] bytes) throws IOException {
        return new SpecificDatumReader<T>((Class<T>) like.getClass()).read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }
}
