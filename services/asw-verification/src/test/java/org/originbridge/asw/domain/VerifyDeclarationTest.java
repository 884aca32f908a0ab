package org.originbridge.asw.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.originbridge.asw.TestDeclarations;
import org.originbridge.platform.errors.InvalidRecordException;

class VerifyDeclarationTest {

    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    static final Check VALID = new Check(Check.Status.VALID, "ok");

    /** A fake ASW: answers what the test scripts, records what it was asked. */
    static final class FakeAsw implements AswGateway {
        final List<AswRequest> requests = new ArrayList<>();
        Result next;
        RuntimeException failure;

        @Override
        public Result verify(AswRequest request) {
            requests.add(request);
            if (failure != null) {
                throw failure;
            }
            return next;
        }
    }

    final FakeAsw asw = new FakeAsw();
    final List<VerificationResult> published = new ArrayList<>();
    final List<String> signed = new ArrayList<>();
    final List<Outcome> measured = new ArrayList<>();
    final VerifyDeclaration useCase = new VerifyDeclaration(
            asw,
            (declarationId, coRef, aswRef, outcome, hash) -> {
                String code = "code:" + declarationId + ":" + coRef + ":" + aswRef + ":" + outcome + ":" + hash;
                signed.add(code);
                return code;
            },
            published::add,
            (outcome, took) -> measured.add(outcome),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void givenAswVerifies_thenAVerifiedEventWithASignedCodeIsPublished() {
        asw.next = new AswGateway.Answered(new AswAnswer("ASW-MY-1", true, VALID, VALID, VALID, NOW.minusSeconds(1)));
        Declaration declaration = TestDeclarations.declaration("DECL-1", "CO-1");

        VerificationResult result = useCase.verify(declaration);

        AswRequest sent = asw.requests.get(0);
        assertThat(sent.coReferenceNumber()).isEqualTo("CO-1");
        assertThat(sent.exportingCountry()).isEqualTo("CN");
        assertThat(sent.importingCountry()).isEqualTo("MY");
        assertThat(sent.exporterName()).isEqualTo("Shenzhen Widgets Co.");
        assertThat(sent.hsCodes()).containsExactly("850440");
        assertThat(sent.documentHash()).isEqualTo(CanonicalContent.documentHash(declaration));
        assertThat(result.outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(result.verificationCode()).isEqualTo("code:DECL-1:CO-1:ASW-MY-1:VERIFIED:" + sent.documentHash());
        assertThat(result.reason()).isNull();
        assertThat(result.verifiedAt()).isEqualTo(NOW.minusSeconds(1));
        assertThat(published).containsExactly(result);
        assertThat(measured).containsExactly(Outcome.VERIFIED);
    }

    @Test
    void givenAswDoesNotVerify_thenNoCodeAndTheInvalidChecksAreTheReason() {
        Check revoked = new Check(Check.Status.INVALID, "certificate revoked");
        asw.next = new AswGateway.Answered(new AswAnswer("ASW-MY-2", false, VALID, revoked, VALID, NOW));

        VerificationResult result = useCase.verify(TestDeclarations.declaration("DECL-2", "REVOKED-2"));

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_VERIFIED);
        assertThat(result.verificationCode()).isNull();
        assertThat(signed).isEmpty();
        assertThat(result.reason()).isEqualTo("certificate revoked");
        assertThat(result.issuanceStatus()).isEqualTo(revoked);
        assertThat(published).hasSize(1);
    }

    @Test
    void givenAswRefusesTheRequest_thenAFailedOutcomeCarriesTheReason() {
        asw.next = new AswGateway.Refused(400, "exporterName: size must be between 0 and 200");

        VerificationResult result = useCase.verify(TestDeclarations.declaration("DECL-3", "CO-3"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).isEqualTo("ASW refused the verification request (HTTP 400): exporterName: size must be between 0 and 200");
        assertThat(result.aswReference()).isNull();
        assertThat(result.verificationCode()).isNull();
        assertThat(List.of(result.documentIntegrity(), result.issuanceStatus(), result.issuerIdentity()))
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(Check.Status.SKIPPED));
        assertThat(result.verifiedAt()).isEqualTo(NOW);
        assertThat(published).containsExactly(result);
        assertThat(measured).containsExactly(Outcome.FAILED);
    }

    @Test
    void givenAswIsUnavailable_thenTheFailureReachesTheCallerAndNothingIsPublished() {
        asw.failure = new IllegalStateException("ASW unavailable");

        assertThatThrownBy(() -> useCase.verify(TestDeclarations.declaration("DECL-4", "CO-4"))).hasMessage("ASW unavailable");
        assertThat(published).isEmpty();
        assertThat(measured).isEmpty();
    }

    @Test
    void givenADeclarationWithoutWhatAswNeeds_thenEveryMissingFieldIsNamedAndAswIsNotCalled() {
        Declaration empty = new Declaration("DECL-5", "SUP-1", "UNKNOWN", null, null, null, null, null, null, List.of(), null,
                null, null);

        assertThatThrownBy(() -> useCase.verify(empty))
                .isInstanceOf(InvalidRecordException.class)
                .satisfies(e -> assertThat(((InvalidRecordException) e).problems())
                        .extracting(InvalidRecordException.Problem::field)
                        .containsExactlyInAnyOrder("declaration.referenceNumber", "declaration.documentType",
                                "declaration.exporter.country", "declaration.exporter.name", "declaration.destinationCountry",
                                "declaration.issueDate", "declaration.goods[].hsCode"));
        assertThat(asw.requests).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void sameDeclarationTwiceSendsTheSameRequest() {
        asw.next = new AswGateway.Answered(new AswAnswer("ASW-MY-6", true, VALID, VALID, VALID, NOW));

        useCase.verify(TestDeclarations.declaration("DECL-6", "CO-6"));
        useCase.verify(TestDeclarations.declaration("DECL-6", "CO-6"));

        assertThat(asw.requests.get(1)).isEqualTo(asw.requests.get(0));
        assertThat(published.get(1)).isEqualTo(published.get(0));
    }
}
