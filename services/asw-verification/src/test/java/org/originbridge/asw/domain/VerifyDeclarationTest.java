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
    /** An in-memory ledger with the same rules as the MongoDB one: insert once per content and per version. */
    static final class MemoryLedger implements VerificationLedger {
        final java.util.Map<String, VerificationResult> byContent = new java.util.LinkedHashMap<>();

        @Override
        public java.util.Optional<VerificationResult> find(String declarationId, String documentHash) {
            return java.util.Optional.ofNullable(byContent.get(declarationId + "|" + documentHash));
        }

        @Override
        public int latestVersion(String declarationId) {
            return byContent.values().stream().filter(r -> r.declarationId().equals(declarationId))
                    .mapToInt(VerificationResult::version).max().orElse(0);
        }

        @Override
        public boolean record(VerificationResult r) {
            if (byContent.values().stream().anyMatch(o -> o.declarationId().equals(r.declarationId()) && o.version() == r.version())) {
                return false;
            }
            return byContent.putIfAbsent(r.declarationId() + "|" + r.documentHash(), r) == null;
        }
    }

    final MemoryLedger ledger = new MemoryLedger();
    int shortCodesDrawn;
    final VerifyDeclaration useCase = new VerifyDeclaration(
            asw,
            (declarationId, coRef, aswRef, outcome, hash, version, shortCode) -> {
                String code = "code:" + declarationId + ":" + coRef + ":" + aswRef + ":" + outcome + ":" + hash + ":v" + version
                        + ":" + shortCode;
                signed.add(code);
                return code;
            },
            ledger,
            () -> "SHORTCODE0" + (shortCodesDrawn++),
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
        assertThat(result.verificationCode()).isEqualTo("code:DECL-1:CO-1:ASW-MY-1:VERIFIED:" + sent.documentHash() + ":v1:SHORTCODE00");
        assertThat(result.shortCode()).isEqualTo("SHORTCODE00");
        assertThat(result.version()).isEqualTo(1);
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
    void givenTheSameContentTwice_thenAswIsAskedOnceAndTheSameOutcomeIsPublishedAgain() {
        asw.next = new AswGateway.Answered(new AswAnswer("ASW-MY-6", true, VALID, VALID, VALID, NOW));

        VerificationResult first = useCase.verify(TestDeclarations.declaration("DECL-6", "CO-6"));
        asw.next = new AswGateway.Answered(new AswAnswer("ASW-MY-OTHER", true, VALID, VALID, VALID, NOW.plusSeconds(60)));
        VerificationResult again = useCase.verify(TestDeclarations.declaration("DECL-6", "CO-6"));

        assertThat(asw.requests).hasSize(1);
        assertThat(signed).hasSize(1);
        assertThat(again).isEqualTo(first);
        assertThat(published).containsExactly(first, first);
        assertThat(asw.requests.get(0).idempotencyKey()).isEqualTo("DECL-6:" + first.documentHash());
    }

    @Test
    void givenChangedContent_thenItIsANewVersionWithItsOwnCodeAndTheOldOneStaysRecorded() {
        asw.next = new AswGateway.Answered(new AswAnswer("ASW-MY-7", true, VALID, VALID, VALID, NOW));
        Declaration original = TestDeclarations.declaration("DECL-7", "CO-7");
        VerificationResult v1 = useCase.verify(original);
        Declaration changed = new Declaration(original.declarationId(), original.supplierId(), original.documentType(),
                original.referenceNumber(), original.issueDate(), original.exporter(), original.producer(), original.importer(),
                original.destinationCountry(), original.goods(), original.consignment(), original.approvedExporterCode(),
                "another issuing body");

        VerificationResult v2 = useCase.verify(changed);
        VerificationResult replayedV1 = useCase.verify(original);

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.documentHash()).isNotEqualTo(v1.documentHash());
        assertThat(v2.shortCode()).isNotEqualTo(v1.shortCode());
        assertThat(v2.verificationCode()).contains(":v2:");
        assertThat(replayedV1).isEqualTo(v1);
        assertThat(asw.requests).hasSize(2);
    }

    @Test
    void givenAswRefusesTheContent_thenNothingIsRecordedAndTheNextDeliveryAsksAgain() {
        asw.next = new AswGateway.Refused(400, "bad");

        useCase.verify(TestDeclarations.declaration("DECL-8", "CO-8"));
        useCase.verify(TestDeclarations.declaration("DECL-8", "CO-8"));

        assertThat(asw.requests).hasSize(2);
        assertThat(ledger.byContent).isEmpty();
    }
}
