package org.originbridge.ccpit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApplicantCredentialsTest {

    @Test
    void parsesSupplierTokenPairs() {
        ApplicantCredentials credentials = ApplicantCredentials.parse(" SUP-A=tok-a , SUP-B=tok=b,");

        assertThat(credentials.size()).isEqualTo(2);
        assertThat(credentials.forSupplier("SUP-A")).contains(new ApplicantCredential("SUP-A", "tok-a"));
        assertThat(credentials.forSupplier("SUP-B").orElseThrow().token()).isEqualTo("tok=b");
        assertThat(credentials.forSupplier("SUP-C")).isEmpty();
    }

    @Test
    void emptyMeansNobodyHasCredentials() {
        assertThat(ApplicantCredentials.parse("").size()).isZero();
        assertThat(ApplicantCredentials.parse(null).forSupplier("SUP-A")).isEmpty();
    }

    @Test
    void aMalformedEntryIsNamedByPositionWithoutEchoingSecrets() {
        assertThatThrownBy(() -> ApplicantCredentials.parse("SUP-A=tok-a,secret-token-without-supplier"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 2")
                .hasMessageNotContaining("secret-token");
        assertThatThrownBy(() -> ApplicantCredentials.parse("SUP-A=x,SUP-A=y")).hasMessageContaining("twice");
    }

    @Test
    void aCredentialNeverPrintsItsToken() {
        assertThat(new ApplicantCredential("SUP-A", "very-secret").toString()).doesNotContain("very-secret");
    }
}
