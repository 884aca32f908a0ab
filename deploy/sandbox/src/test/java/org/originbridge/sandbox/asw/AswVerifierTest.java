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

    static final String CERTIFICATE = "CCPIT-RCEP-2026-00000042";

    static VerificationRequest request(String coRef, String from, String to, String hash) {
        return new VerificationRequest("DECL-1", coRef, "CERTIFICATE_OF_ORIGIN", from, to, "Shenzhen Widgets Co.",
                List.of("8504.40"), LocalDate.parse("2026-11-20"), hash, "CCPIT-RCEP-2026-" + String.format("%08d",
                        Math.abs(coRef.hashCode()) % 100_000_000), from + "-CCPIT", null);
    }

    static VerificationRequest certificate(String number, String authority, String from, String to) {
        return new VerificationRequest("DECL-C", "CO-C", "CERTIFICATE_OF_ORIGIN", from, to, "Exporter", List.of("8504.40"),
                LocalDate.parse("2026-11-20"), HASH_A, number, authority, null);
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
        VerificationResult result = verifier.verify(request("REVOKED-77", "CN", "JP", HASH_A));

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_VERIFIED);
        assertThat(result.checks().issuanceStatus().status()).isEqualTo(CheckStatus.INVALID);
        assertThat(result.checks().issuerIdentity().status()).isEqualTo(CheckStatus.VALID);
    }

    @Test
    void givenAFutureIssueDate_whenVerified_thenIssuanceInvalid() {
        VerificationRequest future = new VerificationRequest("DECL-9", "CO-9", "CERTIFICATE_OF_ORIGIN", "CN", "TH", "X",
                List.of("8504"), LocalDate.parse("2026-11-23"), HASH_A, CERTIFICATE, "CN-CCPIT", null);

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

    // --- routing by destination, the issued certificate, revocation at destination ---------

    @Test
    void theAswServesAseanMemberStatesOnly_aPartnerOrAnOutsiderIsRefused() {
        for (String destination : List.of("JP", "KR", "AU", "NZ", "CN", "US")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.verify(request("CO-R-" + destination, "CN", destination,
                            HASH_A), null))
                    .isInstanceOf(org.originbridge.sandbox.web.BadRequestException.class)
                    .hasMessageContaining("importingCountry");
        }
        assertThat(verifier.verify(request("CO-R-MY", "CN", "MY", HASH_A), null).outcome()).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void aChannelVerifiesForItsOwnDestinationOnly() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.verify("JP-CUSTOMS", java.util.Set.of("JP"),
                        certificate(CERTIFICATE, "CN-CCPIT", "CN", "KR"), null))
                .isInstanceOf(org.originbridge.sandbox.web.BadRequestException.class);
        VerificationResult jp = verifier.verify("JP-CUSTOMS", java.util.Set.of("JP"), certificate(CERTIFICATE, "CN-CCPIT", "CN", "JP"),
                null);
        assertThat(jp.outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(jp.aswReference()).startsWith("JP-CUSTOMS-");
    }

    @Test
    void aCertificateOfOriginWithoutItsIssuedNumberOrUnknownToItsAuthorityIsNotVerified() {
        VerificationResult noNumber = verifier.verify(new VerificationRequest("DECL-N", "CO-N", "CERTIFICATE_OF_ORIGIN", "CN", "MY",
                "X", List.of("8504"), LocalDate.parse("2026-11-20"), HASH_A));
        VerificationResult unknown = verifier.verify(certificate("FAKE-123", "CN-CCPIT", "CN", "MY"));
        VerificationResult revoked = verifier.verify(certificate("REVOKED-CCPIT-RCEP-2026-00000001", "CN-CCPIT", "CN", "MY"));
        VerificationResult vietnam = verifier.verify(certificate("VN-MOIT-RCEP-2026-000001", "VN-MOIT", "VN", "MY"));

        assertThat(noNumber.outcome()).isEqualTo(Outcome.NOT_VERIFIED);
        assertThat(noNumber.checks().issuanceStatus().reason()).contains("once its issuing authority issued it");
        assertThat(unknown.checks().issuanceStatus().reason()).contains("not known as issued by CN-CCPIT");
        assertThat(revoked.checks().issuanceStatus().reason()).contains("revoked by CN-CCPIT");
        assertThat(vietnam.outcome()).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void anAuthorityThatIsNotTheExportingPartysIsRefusedAsIssuer() {
        VerificationResult result = verifier.verify(certificate(CERTIFICATE, "CN-CCPIT", "VN", "MY"));

        assertThat(result.checks().issuerIdentity().status()).isEqualTo(CheckStatus.INVALID);
        assertThat(result.checks().issuerIdentity().reason()).contains("does not issue certificates for VN");
    }

    @Test
    void aDeclarationOfOriginNeedsNoIssuedCertificate() {
        VerificationResult result = verifier.verify(new VerificationRequest("DECL-D", "DOO-1", "DECLARATION_OF_ORIGIN", "CN", "MY",
                "X", List.of("8504"), LocalDate.parse("2026-11-20"), HASH_A));

        assertThat(result.outcome()).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void aCertificateRevokedAtTheDestinationIsNotVerifiedThereAndListedOnItsFeed() {
        org.originbridge.sandbox.verification.DestinationRevocations revocations = new org.originbridge.sandbox.verification.DestinationRevocations();
        AswVerifier withRevocations = new AswVerifier(Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC),
                new org.originbridge.sandbox.verification.NumberingIssuedCertificates(), revocations);
        assertThat(withRevocations.verify("ASW-MY", java.util.Set.of("MY"), certificate(CERTIFICATE, "CN-CCPIT", "CN", "MY"), null)
                .outcome()).isEqualTo(Outcome.VERIFIED);

        revocations.revoke("ASW-MY", CERTIFICATE, "goods not originating", Instant.parse("2026-11-22T09:00:00Z"));
        revocations.revoke("ASW-MY", CERTIFICATE, "again", Instant.parse("2026-11-22T09:05:00Z"));

        VerificationResult after = withRevocations.verify("ASW-MY", java.util.Set.of("MY"),
                certificate(CERTIFICATE, "CN-CCPIT", "CN", "MY"), null);
        assertThat(after.outcome()).isEqualTo(Outcome.NOT_VERIFIED);
        assertThat(after.checks().issuanceStatus().reason()).contains("revoked by ASW-MY");
        assertThat(revocations.after("ASW-MY", 0, 10).revocations()).hasSize(1)
                .first().satisfies(r -> assertThat(r.reason()).isEqualTo("goods not originating"));
        assertThat(revocations.after("ASW-MY", 1, 10).revocations()).isEmpty();
        assertThat(revocations.after("ASW-MY", 1, 10).next()).isEqualTo(1);
        assertThat(revocations.after("ASW-TH", 0, 10).revocations()).isEmpty();
    }
}
