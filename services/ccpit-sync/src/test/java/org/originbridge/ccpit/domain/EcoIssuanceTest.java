package org.originbridge.ccpit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.originbridge.ccpit.domain.Fakes.request;
import static org.originbridge.ccpit.domain.IssuanceStatus.FAILED;
import static org.originbridge.ccpit.domain.IssuanceStatus.ISSUED;
import static org.originbridge.ccpit.domain.IssuanceStatus.REJECTED;
import static org.originbridge.ccpit.domain.IssuanceStatus.REQUESTED;
import static org.originbridge.ccpit.domain.IssuanceStatus.REVOKED;
import static org.originbridge.ccpit.domain.IssuanceStatus.SUBMITTED;
import static org.originbridge.ccpit.domain.IssuanceStatus.UNDER_REVIEW;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.originbridge.ccpit.domain.EcoIssuance.Outcome;

class EcoIssuanceTest {

    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration RECHECK = Duration.ofHours(6);
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final Fakes.MovableClock clock = new Fakes.MovableClock();
    private final Fakes.Store store = new Fakes.Store();
    private final Fakes.Ccpit ccpit = new Fakes.Ccpit();
    private final Fakes.Publisher publisher = new Fakes.Publisher();
    private final Fakes.Tokens tokens = new Fakes.Tokens(clock);
    private final Fakes.Documents documents = new Fakes.Documents();
    private final EcoIssuance issuance = new EcoIssuance(store,
            Fakes.authorities(ccpit, ApplicantCredentials.parse("SUP-A=token-a")), documents, publisher, tokens,
            new TrackingPolicy(POLL, RECHECK, LEASE, GRACE, 10, Set.of("CERTIFICATE_OF_ORIGIN")), clock);

    private void pollAfter(Duration d) {
        clock.advance(d);
        issuance.pollDue();
    }

    @Test
    void requestedThenSubmittedThenTrackedToIssuedWithAQrToken() {
        assertThat(issuance.request(request("D1", "SUP-A"))).isEqualTo(Outcome.CHANGED);
        assertThat(ccpit.submittedWith).containsExactly(new ApplicantCredential("SUP-A", "token-a"));

        ccpit.then(UNDER_REVIEW);
        pollAfter(POLL);
        ccpit.then(UNDER_REVIEW);
        pollAfter(POLL); // unchanged: nothing published
        ccpit.then(ISSUED);
        pollAfter(POLL);

        assertThat(publisher.statuses()).containsExactly(REQUESTED, SUBMITTED, UNDER_REVIEW, ISSUED);
        assertThat(publisher.published).extracting(Fakes.Publisher.Published::sequence).containsExactly(1, 2, 3, 4);
        assertThat(publisher.published).extracting(Fakes.Publisher.Published::previousStatus)
                .containsExactly(null, REQUESTED, SUBMITTED, UNDER_REVIEW);
        Fakes.Publisher.Published issued = publisher.published.get(3);
        assertThat(issued.certificateNumber()).isEqualTo("CCPIT-RCEP-2026-00000001");
        assertThat(issued.qrToken()).startsWith("qr:D1:CCPIT-RCEP-2026-00000001:ISSUED");
        assertThat(publisher.published.subList(0, 3)).allSatisfy(p -> assertThat(p.qrToken()).isNull());

        // Issued: no more checks until the revocation re-check is due.
        int fetches = ccpit.fetches;
        pollAfter(POLL);
        assertThat(ccpit.fetches).isEqualTo(fetches);
        assertThat(store.find("D1").orElseThrow().emittedSequence()).isEqualTo(4);
    }

    /**
     * Issue 11 (seen in the bench): a re-submission (a retry after a timeout) is answered idempotently with the
     * application's status now, ISSUED once the review is over, but without its certificate number; the full status is
     * read before anything is published, so ISSUED always carries its certificate number and document.
     */
    @Test
    void aReSubmissionAnsweredWithALaterStatusReadsTheFullStatusBeforePublishing() {
        ccpit.submitStatus = ISSUED; // the idempotent replay's answer: id + status, no details
        ccpit.then(ISSUED); // what the full status read answers

        assertThat(issuance.request(request("D1", "SUP-A"))).isEqualTo(Outcome.CHANGED);

        assertThat(publisher.statuses()).containsExactly(REQUESTED, ISSUED);
        Fakes.Publisher.Published issued = publisher.published.get(1);
        assertThat(issued.certificateNumber()).isEqualTo("CCPIT-RCEP-2026-00000001");
        assertThat(ccpit.fetches).isEqualTo(1);
        assertThat(documents.find("D1")).isPresent();
    }

    @Test
    void everyRequestIsTimedAndItsOutcomeCountedThroughTheMetricsPort() {
        List<String> reported = new ArrayList<>();
        IssuanceMetrics metrics = new IssuanceMetrics() {
            @Override
            public <T> T timeRequest(Supplier<T> work) {
                reported.add("timed");
                return work.get();
            }

            @Override
            public void requestOutcome(Outcome outcome) {
                reported.add(outcome.name());
            }
        };
        EcoIssuance measured = new EcoIssuance(store, Fakes.authorities(ccpit, ApplicantCredentials.parse("SUP-A=token-a")),
                documents, publisher, tokens, new TrackingPolicy(POLL, RECHECK, LEASE, GRACE, 10,
                Set.of("CERTIFICATE_OF_ORIGIN")), metrics, clock, Runnable::run);

        measured.request(request("D1", "SUP-A"));
        measured.request(request("D1", "SUP-A"));

        assertThat(reported).containsExactly("timed", "CHANGED", "timed", "ALREADY_KNOWN");
    }

    @Test
    void aSupplierWithoutCredentialsEndsFailedWithTheReasonAndNoCallToCcpit() {
        assertThat(issuance.request(request("D9", "SUP-NONE"))).isEqualTo(Outcome.FAILED);

        assertThat(publisher.statuses()).containsExactly(REQUESTED, FAILED);
        assertThat(publisher.published.get(1).reason()).isEqualTo("no CN-CCPIT applicant credentials for supplier SUP-NONE:"
                + " GACC accepts CO messages only from the applicant itself (configure CCPIT_OAUTH_CLIENTS or CCPIT_APPLICANT_TOKENS)");
        assertThat(ccpit.submittedWith).isEmpty();
        assertThat(store.find("D9").orElseThrow().nextCheckAt()).isNull();
    }

    @Test
    void aReDeliveredDeclarationSubmitsOnceAndPublishesNothingNew() {
        issuance.request(request("D1", "SUP-A"));
        assertThat(issuance.request(request("D1", "SUP-A"))).isEqualTo(Outcome.ALREADY_KNOWN);

        assertThat(ccpit.submittedWith).hasSize(1);
        assertThat(publisher.statuses()).containsExactly(REQUESTED, SUBMITTED);
    }

    @Test
    void aDeclarationOfOriginNeedsNoECo() {
        EcoRequest doo = new EcoRequest("D2", "SUP-A", "DECLARATION_OF_ORIGIN", "VN", null,
                Fakes.application("DO-1", "VN"));
        assertThat(issuance.request(doo)).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(publisher.published).isEmpty();
        assertThat(store.byId).isEmpty();
    }

    @Test
    void ccpitUnavailableFailsTheRecordAndThePollerResubmitsTheStoredRequest() {
        ccpit.nextSubmitFailure = new IssuingAuthorityClient.Unavailable("CCPIT answered 503", null);

        assertThatThrownBy(() -> issuance.request(request("D1", "SUP-A"))).isInstanceOf(IssuingAuthorityClient.Unavailable.class);
        assertThat(publisher.statuses()).containsExactly(REQUESTED);

        pollAfter(POLL); // still leased to the failed attempt
        assertThat(ccpit.submittedWith).isEmpty();
        pollAfter(LEASE);
        assertThat(publisher.statuses()).containsExactly(REQUESTED, SUBMITTED);
    }

    @Test
    void aRefusedApplicationEndsFailedWithCcpitsReason() {
        ccpit.nextSubmitFailure = new IssuingAuthorityClient.Refused("ccpit submit answered 400: hsCodes[0] must be an HS code");

        assertThat(issuance.request(request("D1", "SUP-A"))).isEqualTo(Outcome.FAILED);
        assertThat(publisher.published.get(1).reason())
                .isEqualTo("CN-CCPIT refused the application: ccpit submit answered 400: hsCodes[0] must be an HS code");
    }

    @Test
    void aDeclarationLackingWhatCcpitNeedsEndsFailedNamingTheFields() {
        EcoRequest incomplete = new EcoRequest("D3", "SUP-A", "CERTIFICATE_OF_ORIGIN", "CN", null,
                new CoApplication(null, new CoApplication.Trader("Exporter", null, "CN"), null, null, null, null,
                        List.of(new CoApplication.Item(1, " ", "850440", "RVC40", "CN", null, "PCE", null, null, null)),
                        null, null));
        assertThat(issuance.request(incomplete)).isEqualTo(Outcome.FAILED);
        assertThat(publisher.published.get(1).reason()).isEqualTo("the accepted declaration lacks what CN-CCPIT requires: "
                + "referenceNumber, destinationCountry, goods[0].description, goods[0].quantity, goods[0].fobValue");
        assertThat(ccpit.submitted).isEmpty();
    }

    @Test
    void aCrashBetweenWriteAndSendIsRepairedByThePoller() {
        issuance.request(request("D1", "SUP-A"));
        publisher.failuresToSimulate = 1;
        ccpit.then(UNDER_REVIEW);
        clock.advance(POLL);
        EcoIssuance.PollReport report = issuance.pollDue(); // stored UNDER_REVIEW, then publishing failed

        assertThat(report.errors()).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("broker"));
        assertThat(store.find("D1").orElseThrow().status()).isEqualTo(UNDER_REVIEW);
        assertThat(store.find("D1").orElseThrow().emissionPending()).isTrue();
        assertThat(publisher.statuses()).containsExactly(REQUESTED, SUBMITTED);

        pollAfter(GRACE.plusSeconds(1));
        assertThat(publisher.statuses()).containsExactly(REQUESTED, SUBMITTED, UNDER_REVIEW);
        assertThat(publisher.published.get(2).sequence()).isEqualTo(3);
        assertThat(store.find("D1").orElseThrow().emissionPending()).isFalse();
    }

    @Test
    void thePollReportCountsFailedReSendsApartFromChecks() {
        issuance.request(request("D1", "SUP-A"));
        publisher.failuresToSimulate = 1;
        ccpit.then(UNDER_REVIEW);
        clock.advance(POLL);
        EcoIssuance.PollReport first = issuance.pollDue(); // UNDER_REVIEW stored, its publication fails

        assertThat(first).extracting(EcoIssuance.PollReport::resent, EcoIssuance.PollReport::resendFailed,
                EcoIssuance.PollReport::checked, EcoIssuance.PollReport::changed, EcoIssuance.PollReport::unchanged,
                EcoIssuance.PollReport::unavailable, EcoIssuance.PollReport::checkFailed)
                .containsExactly(0, 0, 1, 0, 0, 0, 1);

        // after the grace: the re-send fails again, and the due check finds CCPIT unchanged
        publisher.failuresToSimulate = 1;
        clock.advance(GRACE.plusSeconds(1));
        EcoIssuance.PollReport second = issuance.pollDue();

        assertThat(second).extracting(EcoIssuance.PollReport::resent, EcoIssuance.PollReport::resendFailed,
                EcoIssuance.PollReport::checked, EcoIssuance.PollReport::changed, EcoIssuance.PollReport::unchanged,
                EcoIssuance.PollReport::unavailable, EcoIssuance.PollReport::checkFailed)
                .containsExactly(0, 1, 1, 0, 1, 0, 0);
        assertThat(second.errors()).hasSize(1);
    }

    @Test
    void aStatusTheLifecycleForbidsIsIgnored() {
        issuance.request(request("D1", "SUP-A"));
        ccpit.then(ISSUED);
        pollAfter(POLL);
        clock.advance(RECHECK);
        ccpit.then(UNDER_REVIEW); // CCPIT cannot go back
        issuance.pollDue();

        assertThat(publisher.statuses()).containsExactly(REQUESTED, SUBMITTED, ISSUED);
        assertThat(store.find("D1").orElseThrow().status()).isEqualTo(ISSUED);
    }

    @Test
    void anIssuedCertificateIsReCheckedAndItsRevocationPublished() {
        issuance.request(request("D1", "SUP-A"));
        ccpit.then(ISSUED);
        pollAfter(POLL);
        ccpit.then(REVOKED);
        pollAfter(RECHECK);

        assertThat(publisher.statuses()).containsExactly(REQUESTED, SUBMITTED, ISSUED, REVOKED);
        assertThat(publisher.published.get(3).previousStatus()).isEqualTo(ISSUED);
        assertThat(publisher.published.get(3).reason()).isEqualTo("revoked by CCPIT");
        assertThat(store.find("D1").orElseThrow().nextCheckAt()).isNull();
    }

    @Test
    void aRejectionIsTerminal() {
        issuance.request(request("D1", "SUP-A"));
        ccpit.then(REJECTED);
        pollAfter(POLL);
        int fetches = ccpit.fetches;
        pollAfter(RECHECK);

        assertThat(publisher.statuses()).containsExactly(REQUESTED, SUBMITTED, REJECTED);
        assertThat(ccpit.fetches).isEqualTo(fetches);
    }

    @Test
    void qrTokensOnlyForCertificates() {
        assertThatThrownBy(() -> issuance.qrToken("NOPE")).isInstanceOfSatisfying(EcoIssuance.NoCertificate.class,
                e -> assertThat(e.unknownDeclaration()).isTrue());
        issuance.request(request("D1", "SUP-A"));
        assertThatThrownBy(() -> issuance.qrToken("D1")).isInstanceOfSatisfying(EcoIssuance.NoCertificate.class,
                e -> assertThat(e.unknownDeclaration()).isFalse());

        ccpit.then(ISSUED);
        pollAfter(POLL);
        QrTokens.QrToken first = issuance.qrToken("D1");
        QrTokens.QrToken second = issuance.qrToken("D1");
        assertThat(first.verificationUrl()).endsWith("/api/v1/public/qr/" + first.token());
        assertThat(second.verificationUrl()).endsWith("/api/v1/public/qr/" + second.token());
    }

    // ------------------------------------------------------------------ routing by issuing body

    private final Fakes.Ccpit vnMoit = new Fakes.Ccpit();

    private EcoIssuance routed() {
        return new EcoIssuance(store, Fakes.authorities(ccpit, ApplicantCredentials.parse("SUP-A=token-a"),
                new IssuingAuthority("VN-MOIT", "VN", vnMoit, ApplicantCredentials.parse("SUP-VN=token-vn"),
                        "configure VN_MOIT_APPLICANT_TOKENS")),
                documents, publisher, tokens, new TrackingPolicy(POLL, RECHECK, LEASE, GRACE, 10,
                Set.of("CERTIFICATE_OF_ORIGIN")), clock);
    }

    @Test
    void theExportingPartyPicksTheAuthorityEachUnderItsOwnCredentials() {
        EcoIssuance issuance = routed();
        issuance.request(request("D-CN", "SUP-A", "CN"));
        issuance.request(request("D-VN", "SUP-VN", "vn")); // any case

        assertThat(ccpit.submittedWith).containsExactly(new ApplicantCredential("SUP-A", "token-a"));
        assertThat(vnMoit.submittedWith).containsExactly(new ApplicantCredential("SUP-VN", "token-vn"));
        assertThat(vnMoit.submitted).singleElement().satisfies(r -> {
            assertThat(r.application().goods()).singleElement().satisfies(item -> {
                assertThat(item.description()).isEqualTo("Power adapters 65 W");
                assertThat(item.originCriterion()).isEqualTo("RVC40");
            });
            assertThat(r.application().consignee().name()).isEqualTo("Osaka Denki K.K.");
            assertThat(r.application().transport().portOfDischarge()).isEqualTo("JPOSA");
        });
        assertThat(publisher.published).filteredOn(p -> p.declarationId().equals("D-VN"))
                .extracting(Fakes.Publisher.Published::authorityId).containsOnly("VN-MOIT");
        assertThat(publisher.published).filteredOn(p -> p.declarationId().equals("D-CN"))
                .extracting(Fakes.Publisher.Published::authorityId).containsOnly("CN-CCPIT");
    }

    @Test
    void aPartyWithoutAnAuthorityEndsFailedAtOnceAndNothingIsFiled() {
        EcoIssuance issuance = routed();
        assertThat(issuance.request(request("D-MY", "SUP-A", "MY"))).isEqualTo(Outcome.FAILED);
        assertThat(issuance.request(request("D-NONE", "SUP-A", null))).isEqualTo(Outcome.FAILED);

        assertThat(publisher.published).extracting(Fakes.Publisher.Published::status)
                .containsExactly(REQUESTED, FAILED, REQUESTED, FAILED);
        assertThat(publisher.published.get(1).reason()).isEqualTo("no issuing authority configured for MY");
        assertThat(publisher.published.get(1).authorityId()).isNull();
        assertThat(publisher.published.get(3).reason())
                .isEqualTo("no issuing authority configured for an unknown exporting Party (exporter.country missing)");
        assertThat(ccpit.submittedWith).isEmpty();
        assertThat(vnMoit.submittedWith).isEmpty();
        // final: never polled, a redelivery changes nothing
        pollAfter(RECHECK);
        assertThat(issuance.request(request("D-MY", "SUP-A", "MY"))).isEqualTo(Outcome.ALREADY_KNOWN);
        assertThat(publisher.published).hasSize(4);
    }

    @Test
    void aVietnameseExporterWithoutMoitCredentialsIsNotFiledWithCcpit() {
        EcoIssuance issuance = routed();
        assertThat(issuance.request(request("D-VN2", "SUP-A", "VN"))).isEqualTo(Outcome.FAILED);
        assertThat(publisher.published.get(1).reason())
                .isEqualTo("no VN-MOIT applicant credentials for supplier SUP-A: configure VN_MOIT_APPLICANT_TOKENS");
        assertThat(ccpit.submittedWith).isEmpty();
    }

    // ------------------------------------------------------------------ the issued certificate's document

    @Test
    void issuedIsPublishedWithTheDocumentsHashAndTheAuthoritysVerificationCode() {
        issuance.request(request("D1", "SUP-A"));
        ccpit.then(ISSUED);
        pollAfter(POLL);

        CertificateDocument stored = documents.find("D1").orElseThrow();
        Fakes.Publisher.Published issued = publisher.published.get(2);
        assertThat(issued.status()).isEqualTo(ISSUED);
        assertThat(issued.documentSha256()).isEqualTo(stored.sha256()).hasSize(64);
        assertThat(issued.verificationCode()).isEqualTo("ABCD2345");
        assertThat(issuance.document("D1")).contains(stored);

        // a revocation keeps the document and its hash
        ccpit.then(REVOKED);
        pollAfter(RECHECK);
        assertThat(publisher.published.get(3).documentSha256()).isEqualTo(stored.sha256());
        assertThat(ccpit.documentFetches).isEqualTo(1);
    }

    @Test
    void issuedWaitsForItsDocumentWhileTheAuthorityCannotServeIt() {
        issuance.request(request("D1", "SUP-A"));
        ccpit.then(ISSUED);
        ccpit.documentScript.add(new IssuingAuthorityClient.Unavailable("CCPIT answered 503", null));
        ccpit.documentScript.add(new IssuingAuthorityClient.Refused("CCPIT answered 404"));
        pollAfter(POLL); // unavailable: nothing stored, checked again after the lease
        assertThat(store.find("D1").orElseThrow().status()).isEqualTo(SUBMITTED);
        pollAfter(LEASE); // refused: kept, checked again
        assertThat(store.find("D1").orElseThrow().status()).isEqualTo(SUBMITTED);
        pollAfter(POLL); // served
        assertThat(publisher.statuses()).containsExactly(REQUESTED, SUBMITTED, ISSUED);
        assertThat(publisher.published.get(2).documentSha256()).isNotNull();
    }

    // ------------------------------------------------------------------ notifications and concurrency

    @Test
    void aNotificationChecksTheApplicationAtOnceOnlyForItsOwnAuthority() {
        issuance.request(request("D1", "SUP-A"));
        ccpit.then(UNDER_REVIEW);

        assertThat(issuance.refresh("D1", "VN-MOIT")).as("another authority's application").isEqualTo(Outcome.UNCHANGED);
        assertThat(ccpit.fetches).isZero();
        assertThat(issuance.refresh("UNKNOWN", "CN-CCPIT")).isEqualTo(Outcome.UNCHANGED);
        assertThat(issuance.refresh("D1", "CN-CCPIT")).isEqualTo(Outcome.CHANGED); // no clock movement needed
        assertThat(publisher.statuses()).containsExactly(REQUESTED, SUBMITTED, UNDER_REVIEW);
    }

    @Test
    void thePollRoundRunsItsChecksOnTheGivenExecutor() {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            Fakes.Store shared = new Fakes.Store() {
                @Override
                public synchronized boolean update(EcoApplication next, int expectedSequence) {
                    return super.update(next, expectedSequence);
                }

                @Override
                public synchronized void markEmitted(String declarationId, int sequence) {
                    super.markEmitted(declarationId, sequence);
                }

                @Override
                public synchronized void reschedule(String declarationId, int sequence, java.time.Instant nextCheckAt) {
                    super.reschedule(declarationId, sequence, nextCheckAt);
                }

                @Override
                public synchronized java.util.Optional<EcoApplication> find(String declarationId) {
                    return super.find(declarationId);
                }
            };
            java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
            IssuingAuthorityClient recording = new IssuingAuthorityClient() {
                @Override
                public AuthorityApplicationState submit(ApplicantCredential credential, EcoRequest request) {
                    return AuthorityApplicationState.submitted("APP-" + request.declarationId(), SUBMITTED);
                }

                @Override
                public AuthorityApplicationState fetch(ApplicantCredential credential, String applicationId) {
                    threads.add(Thread.currentThread().getName());
                    return AuthorityApplicationState.submitted(applicationId, UNDER_REVIEW);
                }

                @Override
                public CertificateDocument document(ApplicantCredential credential, String applicationId) {
                    throw new AssertionError("not issued");
                }
            };
            EcoIssuance concurrent = new EcoIssuance(shared, Fakes.authorities(recording, ApplicantCredentials.parse("SUP-A=t")),
                    documents, publisher, tokens, new TrackingPolicy(POLL, RECHECK, LEASE, GRACE, 50,
                    Set.of("CERTIFICATE_OF_ORIGIN")), IssuanceMetrics.NONE, clock, pool);
            for (int i = 0; i < 20; i++) {
                concurrent.request(request("D" + i, "SUP-A"));
            }
            clock.advance(POLL);
            EcoIssuance.PollReport report = concurrent.pollDue();

            assertThat(report.checked()).isEqualTo(20);
            assertThat(report.changed()).isEqualTo(20);
            assertThat(threads).allSatisfy(t -> assertThat(t).startsWith("pool-"));
            assertThat(publisher.published).filteredOn(p -> p.status() == UNDER_REVIEW).hasSize(20);
        } finally {
            pool.shutdownNow();
        }
    }
}
