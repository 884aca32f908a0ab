package org.originbridge.asw.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.originbridge.asw.TestDeclarations;
import org.originbridge.asw.domain.CanonicalContent;
import org.originbridge.asw.domain.Check;
import org.originbridge.asw.domain.Declaration;
import org.originbridge.asw.domain.Outcome;
import org.originbridge.asw.domain.VerificationResult;
import org.originbridge.events.asw.CheckStatus;
import org.originbridge.events.asw.VerificationCompleted;
import org.originbridge.events.asw.VerificationOutcome;
import org.originbridge.platform.errors.InvalidRecordException;

class MappersTest {

    @Test
    void anAcceptedDeclarationMapsToTheSameDomainDeclarationAsTheBuilder() {
        Declaration mapped = DeclarationMapper.toDomain("DECL-1",
                TestDeclarations.accepted("DECL-1", "CO-1", "Shenzhen Widgets Co.", "MY"));

        assertThat(mapped).isEqualTo(TestDeclarations.declaration("DECL-1", "CO-1"));
        assertThat(CanonicalContent.documentHash(mapped))
                .isEqualTo(CanonicalContent.documentHash(TestDeclarations.declaration("DECL-1", "CO-1")));
    }

    @Test
    void aKeyThatIsNotTheDeclarationIdIsBadData() {
        assertThatThrownBy(() -> DeclarationMapper.toDomain("OTHER",
                TestDeclarations.accepted("DECL-1", "CO-1", "Shenzhen Widgets Co.", "MY")))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("key");
    }

    @Test
    void aResultMapsToVerificationCompleted() {
        Check valid = new Check(Check.Status.VALID, "ok");
        VerificationResult result = new VerificationResult("DECL-1", "SUP-1", "CO-1", Outcome.VERIFIED, "ASW-1", "ab".repeat(32),
                valid, valid, Check.skipped("n/a"), "jws", null, Instant.parse("2026-11-22T08:00:00Z"),
                2, "0123ABCD1XZ", "JP-CUSTOMS", "VN-MOIT-RCEP-2026-000001", "VN-MOIT", false);

        VerificationCompleted avro = VerificationCompletedMapper.toAvro(result);

        assertThat(avro.getOutcome()).isEqualTo(VerificationOutcome.VERIFIED);
        assertThat(avro.getIssuerIdentity().getStatus()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(avro.getIssuerIdentity().getReason()).isEqualTo("n/a");
        assertThat(avro.getVerificationCode()).isEqualTo("jws");
        assertThat(avro.getReferenceNumber()).isEqualTo("CO-1");
        assertThat(avro.getVerifiedAt()).isEqualTo(Instant.parse("2026-11-22T08:00:00Z"));
        assertThat(avro.getVersion()).isEqualTo(2);
        assertThat(avro.getShortCode()).isEqualTo("0123ABCD1XZ");
        assertThat(avro.getChannel()).isEqualTo("JP-CUSTOMS");
        assertThat(avro.getCertificateNumber()).isEqualTo("VN-MOIT-RCEP-2026-000001");
        assertThat(avro.getIssuingAuthority()).isEqualTo("VN-MOIT");
    }
}
