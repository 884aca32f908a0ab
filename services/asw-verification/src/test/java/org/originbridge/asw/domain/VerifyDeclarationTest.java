package org.originbridge.asw.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.originbridge.asw.TestDeclarations;
import org.originbridge.platform.errors.InvalidRecordException;

class VerifyDeclarationTest {

    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    static final Check VALID = new Check(Check.Status.VALID, "ok");
    static final Issuance ISSUED = new Issuance("CCPIT-RCEP-2026-00000001", "CN-CCPIT", "d".repeat(64));

    /** Fake channels: answers what the test scripts, records what each channel was asked. */
    static final class FakeChannels implements AswGateway {
        final List<String> channels = new ArrayList<>();
        final List<AswRequest> requests = new ArrayList<>();
        final Set<String> disabled = new java.util.HashSet<>();
        Result next = new Answered(new AswAnswer("REF-1", true, VALID, VALID, VALID, NOW.minusSeconds(1)));
        RuntimeException failure;

        @Override
        public boolean serves(String channel) {
            return !disabled.contains(channel);
        }

        @Override
        public Result verify(String channel, AswRequest request) {
            channels.add(channel);
            requests.add(request);
            if (failure != null) {
                throw failure;
            }
            return next;
        }
    }

    /** An in-memory ledger with the same rules as the MongoDB one: insert once per content (and revocation) and per version. */
    static class MemoryLedger implements VerificationLedger {
        final Map<String, VerificationResult> byId = new LinkedHashMap<>();

        @Override
        public Optional<VerificationResult> find(String declarationId, String documentHash) {
            return byId.values().stream().filter(r -> r.declarationId().equals(declarationId) && r.documentHash().equals(documentHash))
                    .max(Comparator.comparingInt(VerificationResult::version));
        }

        @Override
        public Optional<VerificationResult> latest(String declarationId) {
            return byId.values().stream().filter(r -> r.declarationId().equals(declarationId))
                    .max(Comparator.comparingInt(VerificationResult::version));
        }

        @Override
        public List<String> declarationsVerifying(String number) {
            return byId.values().stream().filter(r -> r.outcome() == Outcome.VERIFIED && (number.equals(r.certificateNumber())
                            || r.certificateNumber() == null && number.equals(r.referenceNumber())))
                    .map(VerificationResult::declarationId).distinct()
                    .filter(d -> latest(d).map(r -> r.outcome() == Outcome.VERIFIED).orElse(false)).toList();
        }

        @Override
        public boolean record(VerificationResult r) {
            if (byId.values().stream().anyMatch(o -> o.declarationId().equals(r.declarationId()) && o.version() == r.version())) {
                return false;
            }
            return byId.putIfAbsent(r.declarationId() + "|" + r.documentHash() + (r.revocation() ? "|revoked" : ""), r) == null;
        }
    }

    /** In-memory pending halves, as the MongoDB adapter keeps them. */
    static final class MemoryPending implements PendingVerifications {
        final Map<String, AswRequest> accepted = new LinkedHashMap<>();
        final Map<String, String[]> ids = new LinkedHashMap<>();
        final Map<String, Issuance> issued = new LinkedHashMap<>();

        @Override
        public Pending accepted(String supplierId, String referenceNumber, AswRequest request) {
            accepted.put(request.declarationId(), request);
            ids.put(request.declarationId(), new String[] {supplierId, referenceNumber});
            return pending(request.declarationId());
        }

        @Override
        public Pending issued(String declarationId, Issuance issuance) {
            issued.put(declarationId, issuance);
            return pending(declarationId);
        }

        private Pending pending(String declarationId) {
            String[] i = ids.getOrDefault(declarationId, new String[2]);
            return new Pending(Optional.ofNullable(accepted.get(declarationId)), i[0], i[1], Optional.ofNullable(issued.get(declarationId)));
        }
    }

    final FakeChannels channels = new FakeChannels();
    final List<VerificationResult> published = new ArrayList<>();
    final List<String> signed = new ArrayList<>();
    final List<Outcome> measured = new ArrayList<>();
    final MemoryLedger ledger = new MemoryLedger();
    final MemoryPending pending = new MemoryPending();
    int shortCodesDrawn;
    final VerifyDeclaration useCase = new VerifyDeclaration(
            channels,
            (declarationId, coRef, aswRef, outcome, hash, version, shortCode, channel, certificate) -> {
                String code = "code:" + declarationId + ":" + coRef + ":" + aswRef + ":" + outcome + ":" + hash + ":v" + version
                        + ":" + shortCode + ":" + channel + ":" + certificate;
                signed.add(code);
                return code;
            },
            ledger,
            pending,
            () -> "SHORTCODE0" + (shortCodesDrawn++),
            published::add,
            (outcome, took) -> measured.add(outcome),
            Clock.fixed(NOW, ZoneOffset.UTC));

    static Declaration to(String destination, String exporterCountry, String declarationId) {
        Declaration d = TestDeclarations.declaration(declarationId, "CO-" + declarationId);
        return new Declaration(d.declarationId(), d.supplierId(), d.documentType(), d.referenceNumber(), d.issueDate(),
                new Declaration.Party(d.exporter().name(), d.exporter().address(), exporterCountry), d.producer(), d.importer(),
                destination, d.goods(), d.consignment(), d.approvedExporterCode(), d.issuingBody());
    }

    static Declaration declarationOfOrigin(String declarationId, String destination) {
        Declaration d = to(destination, "CN", declarationId);
        return new Declaration(d.declarationId(), d.supplierId(), "DECLARATION_OF_ORIGIN", d.referenceNumber(), d.issueDate(),
                d.exporter(), d.producer(), d.importer(), d.destinationCountry(), d.goods(), d.consignment(), "AE-CN-0042", null);
    }

    // --- the right order -------------------------------------------------------------------

    @Test
    void aCertificateOfOriginAcceptedBeforeItsIssuanceWaitsThenTheIssuedCertificateIsVerified() {
        Declaration declaration = TestDeclarations.declaration("DECL-1", "CO-1");

        assertThat(useCase.accepted(declaration)).isEmpty();
        assertThat(channels.requests).isEmpty();
        assertThat(published).isEmpty();

        VerificationResult result = useCase.issued("DECL-1", ISSUED).orElseThrow();

        AswRequest sent = channels.requests.get(0);
        assertThat(channels.channels).containsExactly("ASW-MY");
        assertThat(sent.coReferenceNumber()).isEqualTo("CO-1");
        assertThat(sent.certificateNumber()).isEqualTo("CCPIT-RCEP-2026-00000001");
        assertThat(sent.issuingAuthority()).isEqualTo("CN-CCPIT");
        assertThat(sent.certificateDocumentSha256()).isEqualTo("d".repeat(64));
        assertThat(sent.exportingCountry()).isEqualTo("CN");
        assertThat(sent.hsCodes()).containsExactly("850440");
        assertThat(sent.documentHash()).isEqualTo(CanonicalContent.documentHash(declaration));
        assertThat(result.outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(result.channel()).isEqualTo("ASW-MY");
        assertThat(result.certificateNumber()).isEqualTo("CCPIT-RCEP-2026-00000001");
        assertThat(result.issuingAuthority()).isEqualTo("CN-CCPIT");
        assertThat(result.supplierId()).isEqualTo("SUP-1");
        assertThat(result.referenceNumber()).isEqualTo("CO-1");
        assertThat(result.verificationCode()).isEqualTo("code:DECL-1:CO-1:REF-1:VERIFIED:" + sent.documentHash()
                + ":v1:SHORTCODE00:ASW-MY:CCPIT-RCEP-2026-00000001");
        assertThat(result.shortCode()).isEqualTo("SHORTCODE00");
        assertThat(result.version()).isEqualTo(1);
        assertThat(result.verifiedAt()).isEqualTo(NOW.minusSeconds(1));
        assertThat(published).containsExactly(result);
    }

    @Test
    void issuedBeforeTheAcceptedRecordIsSeen_isKeptAndVerifiedWhenTheAcceptedRecordArrives() {
        assertThat(useCase.issued("DECL-2", ISSUED)).isEmpty();
        assertThat(channels.requests).isEmpty();

        VerificationResult result = useCase.accepted(TestDeclarations.declaration("DECL-2", "CO-2")).orElseThrow();

        assertThat(channels.requests).hasSize(1);
        assertThat(channels.requests.get(0).certificateNumber()).isEqualTo("CCPIT-RCEP-2026-00000001");
        assertThat(result.outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(published).containsExactly(result);
    }

    @Test
    void anIssuanceEventFromBeforeRoutingByAuthorityCountsAsCnCcpitWithAnUnknownDocumentHash() {
        useCase.accepted(TestDeclarations.declaration("DECL-OLD", "CO-OLD"));

        useCase.issued("DECL-OLD", new Issuance("CCPIT-RCEP-2026-00000009", null, " "));

        assertThat(channels.requests.get(0).issuingAuthority()).isEqualTo("CN-CCPIT");
        assertThat(channels.requests.get(0).certificateDocumentSha256()).isNull();
    }

    @Test
    void aDeclarationOfOriginIsVerifiedStraightFromTheAcceptedDeclaration() {
        VerificationResult result = useCase.accepted(declarationOfOrigin("DECL-DOO", "TH")).orElseThrow();

        assertThat(channels.channels).containsExactly("ASW-TH");
        assertThat(channels.requests.get(0).certificateNumber()).isNull();
        assertThat(result.outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(result.certificateNumber()).isNull();
        assertThat(result.issuingAuthority()).isNull();
        assertThat(useCase.issued("DECL-DOO", ISSUED)).as("an issuance has nothing to do with a DoO").isEmpty();
        assertThat(channels.requests).hasSize(1);
    }

    // --- routing by destination --------------------------------------------------------------

    @Test
    void chinaToJapanGoesToJapanCustoms_chinaToMalaysiaToMalaysiasWindow_vietnamToJapanToJapanCustoms() {
        useCase.issued("CN-JP", ISSUED);
        useCase.accepted(to("JP", "CN", "CN-JP"));
        useCase.issued("CN-MY", ISSUED);
        useCase.accepted(to("MY", "CN", "CN-MY"));
        useCase.issued("VN-JP", new Issuance("VN-MOIT-RCEP-2026-000001", "VN-MOIT", null));
        useCase.accepted(to("JP", "VN", "VN-JP"));

        assertThat(channels.channels).containsExactly("JP-CUSTOMS", "ASW-MY", "JP-CUSTOMS");
        assertThat(published).extracting(VerificationResult::channel).containsExactly("JP-CUSTOMS", "ASW-MY", "JP-CUSTOMS");
        assertThat(published.get(2).issuingAuthority()).isEqualTo("VN-MOIT");
        assertThat(channels.requests.get(2).exportingCountry()).isEqualTo("VN");
    }

    @Test
    void routingCoversEveryRcepParty() {
        for (String member : List.of("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN")) {
            assertThat(Routing.route(member)).isEqualTo(new Routing.Channel("ASW-" + member));
            assertThat(Routing.party("ASW-" + member)).contains(member);
        }
        for (String partner : List.of("JP", "KR", "AU", "NZ", "CN")) {
            assertThat(Routing.route(partner)).isEqualTo(new Routing.Channel(partner + "-CUSTOMS"));
            assertThat(Routing.party(partner + "-CUSTOMS")).contains(partner);
        }
        assertThat(Routing.route("US")).isInstanceOf(Routing.None.class);
        assertThat(Routing.route(null)).isInstanceOf(Routing.None.class);
        assertThat(Routing.route("ASW-MY")).isInstanceOf(Routing.None.class);
        assertThat(Routing.party("ASW-JP")).isEmpty();
        assertThat(Routing.party("US-CUSTOMS")).isEmpty();
        assertThat(Routing.party(null)).isEmpty();
    }

    @Test
    void chinaToTheUnitedStatesIsNotApplicableWithTheReasonAndNoChannelIsAsked() {
        useCase.issued("CN-US", ISSUED);
        VerificationResult result = useCase.accepted(to("US", "CN", "CN-US")).orElseThrow();

        assertThat(channels.requests).isEmpty();
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result.reason()).contains("US is not an RCEP Party");
        assertThat(result.channel()).isNull();
        assertThat(result.verificationCode()).isNull();
        assertThat(result.shortCode()).isNull();
        assertThat(result.certificateNumber()).isEqualTo("CCPIT-RCEP-2026-00000001");
        assertThat(published).containsExactly(result);
        assertThat(ledger.latest("CN-US")).contains(result);
    }

    @Test
    void aDestinationWhoseChannelIsNotConfiguredIsNotApplicable() {
        channels.disabled.add("KR-CUSTOMS");
        useCase.issued("CN-KR", ISSUED);

        VerificationResult result = useCase.accepted(to("KR", "CN", "CN-KR")).orElseThrow();

        assertThat(channels.requests).isEmpty();
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result.channel()).isEqualTo("KR-CUSTOMS");
        assertThat(result.reason()).contains("KR-CUSTOMS").contains("not configured");
    }

    // --- idempotency under redelivery ---------------------------------------------------------

    @Test
    void redeliveredRecordsInEitherOrderCallTheChannelOnceAndPublishTheSameOutcome() {
        Declaration declaration = TestDeclarations.declaration("DECL-R", "CO-R");
        useCase.accepted(declaration);
        VerificationResult first = useCase.issued("DECL-R", ISSUED).orElseThrow();

        VerificationResult again1 = useCase.accepted(declaration).orElseThrow();
        VerificationResult again2 = useCase.issued("DECL-R", ISSUED).orElseThrow();

        assertThat(channels.requests).hasSize(1);
        assertThat(again1).isEqualTo(first);
        assertThat(again2).isEqualTo(first);
        assertThat(published).containsExactly(first, first, first);
        assertThat(signed).hasSize(1);
        assertThat(shortCodesDrawn).isEqualTo(1);
    }

    @Test
    void aChangedContentIsTheNextVersion() {
        Declaration v1 = TestDeclarations.declaration("DECL-V", "CO-V");
        useCase.issued("DECL-V", ISSUED);
        useCase.accepted(v1);
        Declaration v2 = new Declaration(v1.declarationId(), v1.supplierId(), v1.documentType(), v1.referenceNumber(), v1.issueDate(),
                v1.exporter(), v1.producer(), v1.importer(), v1.destinationCountry(), v1.goods(), null, v1.approvedExporterCode(),
                v1.issuingBody());

        VerificationResult second = useCase.accepted(v2).orElseThrow();

        assertThat(second.version()).isEqualTo(2);
        assertThat(channels.requests).hasSize(2);
    }

    @Test
    void whenBothHalvesRaceAndBothVerify_theSecondRecordLosesAndPublishesTheFirstOutcome() {
        // the other consumer recorded first, between this one's ledger read and its record
        VerificationLedger racing = new MemoryLedger() {
            boolean raced;

            @Override
            public boolean record(VerificationResult r) {
                if (!raced) {
                    raced = true;
                    super.record(new VerificationResult(r.declarationId(), r.supplierId(), r.referenceNumber(), r.outcome(), r.aswReference(),
                            r.documentHash(), r.documentIntegrity(), r.issuanceStatus(), r.issuerIdentity(), "their-code", null,
                            r.verifiedAt(), r.version(), "THEIRS", r.channel(), r.certificateNumber(), r.issuingAuthority(), false));
                }
                return super.record(r);
            }
        };
        VerifyDeclaration racingUseCase = new VerifyDeclaration(channels, (a, b, c, d, e, f, g, h, i) -> "mine", racing, pending,
                () -> "MINE", published::add, VerificationMetrics.NONE, Clock.fixed(NOW, ZoneOffset.UTC));
        racingUseCase.issued("DECL-RACE", ISSUED);

        VerificationResult result = racingUseCase.accepted(TestDeclarations.declaration("DECL-RACE", "CO-RACE")).orElseThrow();

        assertThat(result.shortCode()).isEqualTo("THEIRS");
        assertThat(published).containsExactly(result);
    }

    // --- refusals, failures, bad data ------------------------------------------------------------

    @Test
    void givenTheChannelDoesNotVerify_thenNoCodeAndTheInvalidChecksAreTheReason() {
        Check revoked = new Check(Check.Status.INVALID, "certificate revoked");
        channels.next = new AswGateway.Answered(new AswAnswer("ASW-MY-2", false, VALID, revoked, VALID, NOW));
        useCase.issued("DECL-NV", ISSUED);

        VerificationResult result = useCase.accepted(TestDeclarations.declaration("DECL-NV", "CO-NV")).orElseThrow();

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_VERIFIED);
        assertThat(result.verificationCode()).isNull();
        assertThat(signed).isEmpty();
        assertThat(result.reason()).isEqualTo("certificate revoked");
    }

    @Test
    void givenTheChannelRefusesTheRequest_thenAFailedOutcomeCarriesTheReasonAndIsNotRecorded() {
        channels.next = new AswGateway.Refused(400, "exporterName: size must be between 0 and 200");
        useCase.issued("DECL-F", ISSUED);

        VerificationResult result = useCase.accepted(TestDeclarations.declaration("DECL-F", "CO-F")).orElseThrow();

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).isEqualTo("ASW-MY refused the verification request (HTTP 400): exporterName: size must be between 0 and 200");
        assertThat(result.channel()).isEqualTo("ASW-MY");
        assertThat(List.of(result.documentIntegrity(), result.issuanceStatus(), result.issuerIdentity()))
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(Check.Status.SKIPPED));
        assertThat(ledger.latest("DECL-F")).isEmpty();
        assertThat(published).containsExactly(result);
    }

    @Test
    void givenTheChannelIsUnavailable_thenTheFailureReachesTheCallerAndNothingIsPublished() {
        channels.failure = new IllegalStateException("unavailable");
        useCase.issued("DECL-U", ISSUED);

        assertThatThrownBy(() -> useCase.accepted(TestDeclarations.declaration("DECL-U", "CO-U"))).hasMessage("unavailable");

        assertThat(published).isEmpty();
        assertThat(ledger.latest("DECL-U")).isEmpty();
    }

    @Test
    void aDeclarationMissingWhatTheChannelNeedsIsRefusedNamingEachField() {
        Declaration d = TestDeclarations.declaration("DECL-BAD", "CO-BAD");
        Declaration bad = new Declaration(d.declarationId(), d.supplierId(), "UNKNOWN", null, null, null, null, null, null,
                List.of(), null, null, null);

        assertThatThrownBy(() -> useCase.accepted(bad)).isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("declaration.referenceNumber").hasMessageContaining("declaration.documentType")
                .hasMessageContaining("declaration.exporter.country").hasMessageContaining("declaration.destinationCountry")
                .hasMessageContaining("declaration.issueDate").hasMessageContaining("declaration.goods[].hsCode");
        assertThat(channels.requests).isEmpty();
    }

    @Test
    void anIssuedStatusWithoutACertificateNumberIsBadData() {
        assertThatThrownBy(() -> new Issuance(" ", "CN-CCPIT", null)).isInstanceOf(InvalidRecordException.class);
        assertThatThrownBy(() -> new Issuance("X".repeat(65), "CN-CCPIT", null)).isInstanceOf(InvalidRecordException.class);
    }

    // --- revocation ---------------------------------------------------------------------------

    @Test
    void aRevocationOfAVerifiedCertificateIsPublishedOnceAsTheNextVersionNotVerified() {
        useCase.issued("DECL-REV", ISSUED);
        VerificationResult verified = useCase.accepted(TestDeclarations.declaration("DECL-REV", "CO-REV")).orElseThrow();

        VerificationResult revoked = useCase.revoked("DECL-REV", "CN-CCPIT", "exporter request").orElseThrow();
        VerificationResult again = useCase.revoked("DECL-REV", "ASW-MY", "another").orElseThrow();

        assertThat(revoked.outcome()).isEqualTo(Outcome.NOT_VERIFIED);
        assertThat(revoked.reason()).isEqualTo("revoked by CN-CCPIT: exporter request");
        assertThat(revoked.version()).isEqualTo(verified.version() + 1);
        // the codes issued stay, so that their holders are told "revoked" by the public check
        assertThat(revoked.verificationCode()).isEqualTo(verified.verificationCode());
        assertThat(revoked.shortCode()).isEqualTo(verified.shortCode());
        assertThat(revoked.channel()).isEqualTo("ASW-MY");
        assertThat(revoked.issuanceStatus().status()).isEqualTo(Check.Status.INVALID);
        assertThat(again).isEqualTo(revoked);
        assertThat(published).containsExactly(verified, revoked, revoked);
        // a redelivered accepted record after the revocation publishes the revocation, never the old VERIFIED
        assertThat(useCase.accepted(TestDeclarations.declaration("DECL-REV", "CO-REV"))).contains(revoked);
        assertThat(channels.requests).hasSize(1);
    }

    @Test
    void aChannelReportingACertificateRevokedRevokesEveryDeclarationVerifiedWithIt() {
        useCase.issued("DECL-C1", ISSUED);
        useCase.accepted(TestDeclarations.declaration("DECL-C1", "CO-C1"));

        List<VerificationResult> revoked = useCase.revokedCertificate("CCPIT-RCEP-2026-00000001", "ASW-MY", "origin not confirmed");

        assertThat(revoked).hasSize(1);
        assertThat(revoked.get(0).reason()).isEqualTo("revoked by ASW-MY: origin not confirmed");
        assertThat(useCase.revokedCertificate("CCPIT-RCEP-2026-00000001", "ASW-MY", "again")).isEmpty();
        assertThat(useCase.revokedCertificate("UNKNOWN-1", "ASW-MY", "?")).isEmpty();
    }

    @Test
    void aRevocationOfSomethingNeverVerifiedPublishesNothing() {
        assertThat(useCase.revoked("NEVER", "CN-CCPIT", null)).isEmpty();
        channels.next = new AswGateway.Answered(new AswAnswer("R", false, VALID, new Check(Check.Status.INVALID, "x"), VALID, NOW));
        useCase.issued("DECL-NV2", ISSUED);
        useCase.accepted(TestDeclarations.declaration("DECL-NV2", "CO-NV2"));

        assertThat(useCase.revoked("DECL-NV2", "CN-CCPIT", null)).isEmpty();
        assertThat(published).hasSize(1);
    }
}
