package org.originbridge.status.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originbridge.status.domain.Fixtures.T0;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PublicVerificationTest {

    private static final TokenCheck.Result SIGNED = TokenCheck.Result.valid(Map.of("sub", "DECL-1"));

    private static DeclarationProjection declaration(VerificationRecord verification, IssuanceRecord issuance) {
        return new DeclarationProjection("DECL-1", "SUP-1", "REF-1", "VN",
                IntakeRecord.of(IntakeRecord.ACCEPTED, T0, null, null), Fixtures.declaration("REF-1"),
                verification, issuance, List.of(), T0);
    }

    @Test
    void theIssuedCodeOfAVerifiedAndIssuedDeclarationIsValidOnEveryCount() {
        VerificationReport report = PublicVerification.decide(
                declaration(Fixtures.verification("code-1", T0), Fixtures.issuance(3, "ISSUED", T0)), "code-1", SIGNED);
        assertThat(report.summary()).isEqualTo(new VerificationReport.Summary("VALID", "VALID", "VALID", "VALID"));
        assertThat(report.fragments()).hasSize(3);
        assertThat(report.declaration().exporterName()).isEqualTo("Ningbo Bright Lamps Co., Ltd.");
        assertThat(report.declaration().issuanceStatus()).isEqualTo("ISSUED");
        assertThat(report.declaration().verifiedAt()).isEqualTo(T0);
    }

    @Test
    void aValidlySignedCodeOfAnotherDocumentIsInvalidAndShowsNothing() {
        VerificationReport report = PublicVerification.decide(
                declaration(Fixtures.verification("code-1", T0), Fixtures.issuance(3, "ISSUED", T0)), "code-2", SIGNED);
        assertThat(report.summary().all()).isEqualTo("INVALID");
        assertThat(report.summary().documentIntegrity()).isEqualTo("INVALID");
        assertThat(report.summary().issuerIdentity()).isEqualTo("SKIPPED");
        assertThat(report.declaration().exporterName()).isNull();
        assertThat(report.declaration().referenceNumber()).isEqualTo("REF-1");
    }

    @Test
    void aTamperedCodeIsInvalidWithTheSignersReason() {
        VerificationReport report = PublicVerification.decide(
                declaration(Fixtures.verification("code-1", T0), null), "code-1",
                TokenCheck.Result.invalid("signature does not verify"));
        assertThat(report.summary().documentIntegrity()).isEqualTo("INVALID");
        assertThat(report.fragments().get(0).reason()).contains("signature does not verify");
    }

    @Test
    void aRevokedCertificateIsInvalid() {
        VerificationReport report = PublicVerification.decide(
                declaration(Fixtures.verification("code-1", T0), Fixtures.issuance(4, "REVOKED", T0)), "code-1", SIGNED);
        assertThat(report.summary().issuanceStatus()).isEqualTo("INVALID");
        assertThat(report.summary().all()).isEqualTo("INVALID");
    }

    @Test
    void theSameCodeTurnsFromValidToRevokedWhenTheDestinationRevokesTheVerifiedCertificate() {
        IssuanceRecord issued = Fixtures.issuance(3, "ISSUED", T0);
        VerificationRecord verified = Fixtures.verification("code-1", T0);
        assertThat(PublicVerification.decide(declaration(verified, issued), "code-1", SIGNED).summary().all()).isEqualTo("VALID");

        // asw-verification's next version: NOT_VERIFIED, same codes, the issuance check INVALID with the reason
        VerificationRecord revoked = new VerificationRecord("NOT_VERIFIED", verified.aswReference(), verified.documentHash(),
                verified.documentIntegrity(), new VerificationRecord.Check("INVALID", "certificate C-1 revoked by ASW-MY: origin not confirmed"),
                verified.issuerIdentity(), "code-1", "revoked by ASW-MY: origin not confirmed", T0.plusSeconds(60), 2,
                verified.shortCode());
        VerificationReport report = PublicVerification.decide(declaration(revoked, issued), "code-1", SIGNED);

        assertThat(report.summary().all()).isEqualTo("INVALID");
        assertThat(report.summary().documentIntegrity()).isEqualTo("VALID");
        assertThat(report.summary().issuanceStatus()).isEqualTo("INVALID");
        assertThat(report.fragments().get(1).reason()).isEqualTo("revoked by ASW-MY: origin not confirmed");
    }

    @Test
    void anIssuanceInProgressIsSkippedNotValid() {
        VerificationReport report = PublicVerification.decide(
                declaration(Fixtures.verification("code-1", T0), Fixtures.issuance(2, "UNDER_REVIEW", T0)), "code-1",
                SIGNED);
        assertThat(report.summary()).isEqualTo(new VerificationReport.Summary("SKIPPED", "VALID", "SKIPPED", "VALID"));
    }

    @Test
    void withoutCcpitTheAswIssuanceCheckCounts() {
        VerificationReport report = PublicVerification.decide(
                declaration(Fixtures.verification("code-1", T0), null), "code-1", SIGNED);
        assertThat(report.summary().issuanceStatus()).isEqualTo("VALID");
        assertThat(report.fragments()).extracting(VerificationReport.Fragment::name).contains("AswIssuanceStatus");
    }

    @Test
    void aDeclarationNotYetVerifiedHasNoValidCode() {
        VerificationReport report = PublicVerification.decide(declaration(null, null), "code-1", SIGNED);
        assertThat(report.summary().documentIntegrity()).isEqualTo("INVALID");
    }

    @Test
    void aswFindingTheDocumentAlteredMakesItInvalid() {
        VerificationRecord altered = new VerificationRecord("NOT_VERIFIED", null, "ab12",
                new VerificationRecord.Check("INVALID", "hash differs from the registered one"), null, null, "code-1",
                null, T0, 1, null);
        VerificationReport report = PublicVerification.decide(declaration(altered, null), "code-1", SIGNED);
        assertThat(report.summary().documentIntegrity()).isEqualTo("INVALID");
        assertThat(report.fragments().get(0).reason()).isEqualTo("hash differs from the registered one");
    }
}
