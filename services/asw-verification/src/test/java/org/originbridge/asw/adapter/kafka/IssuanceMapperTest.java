package org.originbridge.asw.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.originbridge.events.ccpit.IssuanceStatus;
import org.originbridge.events.ccpit.IssuanceStatusChanged;
import org.originbridge.platform.errors.InvalidRecordException;

/** What the verification side takes from eco-issuance-status, and what it refuses (hostile input). */
class IssuanceMapperTest {

    static IssuanceStatusChanged.Builder status(IssuanceStatus status) {
        return IssuanceStatusChanged.newBuilder().setDeclarationId("DECL-1").setSupplierId("SUP-1").setStatus(status).setSequence(3)
                .setChangedAt(Instant.parse("2026-11-22T08:00:00Z"));
    }

    @Test
    void statusesOtherThanIssuedAndRevokedAreIgnored() {
        for (IssuanceStatus s : IssuanceStatus.values()) {
            if (s != IssuanceStatus.ISSUED && s != IssuanceStatus.REVOKED) {
                IssuanceMapper.apply("DECL-1", status(s).build(), null); // the use case is never reached
            }
        }
    }

    @Test
    void anIssuedStatusWithoutACertificateNumberOrWithAnotherKeyIsBadData() {
        assertThatThrownBy(() -> IssuanceMapper.apply("DECL-1", status(IssuanceStatus.ISSUED).build(), null))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("certificateNumber");
        assertThatThrownBy(() -> IssuanceMapper.apply("OTHER", status(IssuanceStatus.ISSUED).setCertificateNumber("C-1").build(), null))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> IssuanceMapper.apply("DECL-1", status(IssuanceStatus.ISSUED).setDeclarationId(" ")
                        .setCertificateNumber("C-1").build(), null))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("declarationId");
        assertThatThrownBy(() -> IssuanceMapper.apply("DECL-1", status(IssuanceStatus.ISSUED)
                        .setCertificateNumber("C".repeat(10_000)).build(), null))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("64");
        assertThat(IssuanceStatus.valueOf("ISSUED")).isNotNull();
    }
}
