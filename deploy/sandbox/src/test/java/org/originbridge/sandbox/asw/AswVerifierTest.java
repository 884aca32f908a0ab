package org.originbridge.sandbox.asw;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.originbridge.sandbox.asw.VerificationResult.CheckStatus;
import org.originbridge.sandbox.asw.VerificationResult.Outcome;

class AswVerifierTest {

    static final String HASH_A = "a".repeat(64);
    static final String HASH_B = "b".repeat(64);

    private final AswVerifier verifier = new AswVerifier(Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC));

    static VerificationRequest request(String coRef, String from, String to, String hash) {
        return new VerificationRequest("DECL-1", coRef, "CERTIFICATE_OF_ORIGIN", from, to, "Shenzhen Widgets Co.",
                List.of("8504.40"), LocalDate.parse("2026-11-20"), hash);
    }

    @Test
    void givenRcepCountriesAndAFreshCertificate_whenVerified_thenAllChecksValid() {
        VerificationResult result = verifier.verify(request("CO-1", "CN", "MY", HASH_A));

        assertThat(result.outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(result.checks().documentIntegrity().status()).isEqualTo(CheckStatus.VALID);
        assertThat(result.checks().issuanceStatus().status()).isEqualTo(CheckStatus.VALID);
        assertThat(result.checks().issuerIdentity().status()).isEqualTo(CheckStatus.VALID);
        assertThat(result.aswReference()).startsWith("ASW-MY-");
        assertThat(result.verifiedAt()).isEqualTo(Instant.parse("2026-11-22T08:00:00Z"));
    }

    @Test
    void givenANonRcepCountry_whenVerified_thenIssuerInvalidAndOtherChecksSkipped() {
        VerificationResult result = verifier.verify(request("CO-2", "CN", "US", HASH_A));

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_VERIFIED);
        assertThat(result.checks().issuerIdentity().status()).isEqualTo(CheckStatus.INVALID);
        assertThat(result.checks().issuerIdentity().reason()).contains("US is not an RCEP Party");
        assertThat(result.checks().issuanceStatus().status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(result.checks().documentIntegrity().status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void givenARevokedReference_whenVerified_thenIssuanceInvalid() {
        VerificationResult result = verifier.verify(request("REVOKED-77", "VN", "JP", HASH_A));

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_VERIFIED);
        assertThat(result.checks().issuanceStatus().status()).isEqualTo(CheckStatus.INVALID);
        assertThat(result.checks().issuerIdentity().status()).isEqualTo(CheckStatus.VALID);
    }

    @Test
    void givenAFutureIssueDate_whenVerified_thenIssuanceInvalid() {
        VerificationRequest future = new VerificationRequest("DECL-9", "CO-9", "CERTIFICATE_OF_ORIGIN", "CN", "TH", "X",
                List.of("8504"), LocalDate.parse("2026-11-23"), HASH_A);

        assertThat(verifier.verify(future).checks().issuanceStatus().status()).isEqualTo(CheckStatus.INVALID);
    }

    @Test
    void givenAHashAlreadyRegistered_whenADifferentHashIsPresented_thenIntegrityInvalid() {
        verifier.verify(request("CO-3", "CN", "MY", HASH_A));

        VerificationResult same = verifier.verify(request("CO-3", "CN", "MY", HASH_A.toUpperCase()));
        VerificationResult altered = verifier.verify(request("CO-3", "CN", "MY", HASH_B));

        assertThat(same.checks().documentIntegrity().status()).isEqualTo(CheckStatus.VALID);
        assertThat(altered.checks().documentIntegrity().status()).isEqualTo(CheckStatus.INVALID);
        assertThat(altered.outcome()).isEqualTo(Outcome.NOT_VERIFIED);
    }

    @Test
    void givenTheSameRequestTwice_thenTheReferenceIsTheSame() {
        assertThat(verifier.verify(request("CO-4", "CN", "MY", HASH_A)).aswReference())
                .isEqualTo(verifier.verify(request("CO-4", "CN", "MY", HASH_A)).aswReference());
    }

    @Test
    void givenTheSameIdempotencyKey_whenAskedAgainLater_thenTheFirstAnswerIsReturnedUnchanged() {
        java.time.Instant[] now = {Instant.parse("2026-11-22T08:00:00Z")};
        AswVerifier clocked = new AswVerifier(new Clock() {
            @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        });
        VerificationResult first = clocked.verify(request("CO-9", "CN", "MY", HASH_A), "DECL-1:" + HASH_A);
        now[0] = now[0].plusSeconds(3600);

        VerificationResult again = clocked.verify(request("CO-9", "CN", "MY", HASH_A), "DECL-1:" + HASH_A);

        assertThat(again).isEqualTo(first);
        assertThat(clocked.verify(request("CO-9", "CN", "MY", HASH_A)).verifiedAt()).isNotEqualTo(first.verifiedAt());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> clocked.verify(request("CO-9", "CN", "MY", HASH_B), "DECL-1:" + HASH_A))
                .isInstanceOf(org.originbridge.sandbox.web.ConflictException.class);
    }
}
