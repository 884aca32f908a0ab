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
}
