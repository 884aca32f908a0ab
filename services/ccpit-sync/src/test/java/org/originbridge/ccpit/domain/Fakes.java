package org.originbridge.ccpit.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** In-memory fakes of the ports with the MongoDB adapter's semantics, and a clock tests move. */
final class Fakes {

    private Fakes() {
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-20T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static class Store implements EcoApplications {
        final Map<String, EcoApplication> byId = new LinkedHashMap<>();

        @Override
        public Optional<EcoApplication> find(String declarationId) {
            return Optional.ofNullable(byId.get(declarationId));
        }

        @Override
        public boolean insert(EcoApplication application) {
            return byId.putIfAbsent(application.declarationId(), application) == null;
        }

        @Override
        public boolean update(EcoApplication next, int expectedSequence) {
            EcoApplication current = byId.get(next.declarationId());
            if (current == null || current.sequence() != expectedSequence) {
                return false;
            }
            byId.put(next.declarationId(), with(next, current.emittedSequence()));
            return true;
        }

        @Override
        public void reschedule(String declarationId, int sequence, Instant nextCheckAt) {
            EcoApplication current = byId.get(declarationId);
            if (current != null && current.sequence() == sequence) {
                byId.put(declarationId, current.rescheduled(nextCheckAt));
            }
        }

        @Override
        public void markEmitted(String declarationId, int sequence) {
            EcoApplication current = byId.get(declarationId);
            if (current != null && current.emittedSequence() < sequence) {
                byId.put(declarationId, with(current, sequence));
            }
        }

        @Override
        public List<EcoApplication> claimDue(Instant now, Instant leaseUntil, int limit) {
            List<EcoApplication> due = byId.values().stream()
                    .filter(a -> a.nextCheckAt() != null && !a.nextCheckAt().isAfter(now))
                    .sorted(Comparator.comparing(EcoApplication::nextCheckAt)).limit(limit).toList();
            due.forEach(a -> byId.put(a.declarationId(), a.rescheduled(leaseUntil)));
            return due.stream().map(a -> byId.get(a.declarationId())).toList();
        }

        @Override
        public List<EcoApplication> pendingEmissions(Instant changedBefore, int limit) {
            return byId.values().stream().filter(a -> a.emissionPending() && a.changedAt().isBefore(changedBefore))
                    .limit(limit).toList();
        }

        private static EcoApplication with(EcoApplication a, int emitted) {
            return a.emitted(emitted);
        }
    }

    /** A scripted issuing authority: answers the queued statuses in order, repeating the last one. */
    static final class Ccpit implements IssuingAuthorityClient {
        final List<ApplicantCredential> submittedWith = new ArrayList<>();
        final List<EcoRequest> submitted = new ArrayList<>();
        final Deque<Object> documentScript = new ArrayDeque<>();
        int documentFetches;
        final Deque<Object> fetchScript = new ArrayDeque<>();
        RuntimeException nextSubmitFailure;
        IssuanceStatus submitStatus = IssuanceStatus.SUBMITTED;
        AuthorityApplicationState last;
        int fetches;

        @Override
        public AuthorityApplicationState submit(ApplicantCredential credential, EcoRequest request) {
            if (nextSubmitFailure != null) {
                RuntimeException e = nextSubmitFailure;
                nextSubmitFailure = null;
                throw e;
            }
            submittedWith.add(credential);
            submitted.add(request);
            last = AuthorityApplicationState.submitted("APP-" + request.declarationId(), submitStatus);
            return last;
        }

        @Override
        public AuthorityApplicationState fetch(ApplicantCredential credential, String applicationId) {
            fetches++;
            Object next = fetchScript.isEmpty() ? last : fetchScript.poll();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            last = (AuthorityApplicationState) next;
            return last;
        }

        @Override
        public CertificateDocument document(ApplicantCredential credential, String applicationId) {
            documentFetches++;
            Object next = documentScript.isEmpty() ? null : documentScript.poll();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return next != null ? (CertificateDocument) next : new CertificateDocument("application/xml",
                    ("<certificate application=\"" + applicationId + "\"/>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        void then(IssuanceStatus status) {
            boolean certificate = status == IssuanceStatus.ISSUED || status == IssuanceStatus.REVOKED;
            fetchScript.add(new AuthorityApplicationState("APP-D1", status, certificate ? "CCPIT-RCEP-2026-00000001" : null,
                    "SN202600000001", certificate ? "http://ccpit/certificates/CCPIT-RCEP-2026-00000001" : null,
                    certificate ? "ABCD2345" : null, status == IssuanceStatus.REVOKED ? "revoked by CCPIT" : null));
        }
    }

    static final class Publisher implements StatusPublisher {
        record Published(String declarationId, IssuanceStatus status, IssuanceStatus previousStatus, int sequence,
                String reason, String certificateNumber, String qrToken, String authorityId, String verificationCode,
                String documentSha256) {
        }

        final List<Published> published = java.util.Collections.synchronizedList(new ArrayList<>());
        int failuresToSimulate;

        @Override
        public void publish(EcoApplication a, String qrToken) {
            if (failuresToSimulate > 0) {
                failuresToSimulate--;
                throw new IllegalStateException("broker unavailable (simulated)");
            }
            published.add(new Published(a.declarationId(), a.status(), a.previousStatus(), a.sequence(), a.reason(),
                    a.certificateNumber(), qrToken, a.authorityId(), a.verificationCode(), a.documentSha256()));
        }

        List<IssuanceStatus> statuses() {
            return published.stream().map(Published::status).toList();
        }
    }

    static final class Tokens implements QrTokens {
        final Clock clock;
        int issued;

        Tokens(Clock clock) {
            this.clock = clock;
        }

        @Override
        public QrToken issue(EcoApplication application) {
            issued++;
            String token = "qr:" + application.declarationId() + ":" + application.certificateNumber() + ":"
                    + application.status() + ":" + issued;
            return new QrToken(token, clock.instant().plus(Duration.ofHours(24)), "http://status/api/v1/public/qr/" + token);
        }
    }

    /** A complete CN -> JP Certificate of Origin application. */
    static EcoRequest request(String declarationId, String supplierId) {
        return request(declarationId, supplierId, "CN");
    }

    static EcoRequest request(String declarationId, String supplierId, String exportingParty) {
        return new EcoRequest(declarationId, supplierId, "CERTIFICATE_OF_ORIGIN", exportingParty, "JP-OSAKA-DENKI",
                application("RCEP-" + exportingParty + "-2026-000101", exportingParty));
    }

    static CoApplication application(String reference, String exportingParty) {
        return new CoApplication(reference,
                new CoApplication.Trader("Shenzhen PowerTech Electronics Co., Ltd.", "8 Keji Road, Shenzhen", exportingParty),
                null, new CoApplication.Trader("Osaka Denki K.K.", "1-1 Umeda, Osaka", "JP"), "JP",
                new CoApplication.Transport("INV-1", java.time.LocalDate.parse("2026-11-18"),
                        java.time.LocalDate.parse("2026-11-20"), "COSCO SHIPPING ARIES", "041E", "CNYSA", "JPOSA"),
                List.of(new CoApplication.Item(1, "Power adapters 65 W", "850440", "RVC40", exportingParty,
                        new java.math.BigDecimal("1200.000"), "PCE", new java.math.BigDecimal("540.000"),
                        new java.math.BigDecimal("14400.00"), "USD")),
                new CoApplication.Declarant("Shenzhen", java.time.LocalDate.parse("2026-11-19"), "Li Wei"), null);
    }

    /** CN -> the given client under SUP-A's token, plus whatever else is given. */
    static IssuingAuthorities authorities(IssuingAuthorityClient cn, ApplicantCredentials credentials,
            IssuingAuthority... more) {
        List<IssuingAuthority> all = new ArrayList<>();
        all.add(new IssuingAuthority("CN-CCPIT", "CN", cn, credentials,
                "GACC accepts CO messages only from the applicant itself (configure CCPIT_OAUTH_CLIENTS or CCPIT_APPLICANT_TOKENS)"));
        all.addAll(List.of(more));
        return new IssuingAuthorities(all);
    }

    static final class Documents implements CertificateDocuments {
        final Map<String, CertificateDocument> byId = new LinkedHashMap<>();

        @Override
        public void store(String declarationId, CertificateDocument document) {
            byId.put(declarationId, document);
        }

        @Override
        public Optional<CertificateDocument> find(String declarationId) {
            return Optional.ofNullable(byId.get(declarationId));
        }
    }

    static <T> T notNull(T t) {
        return Objects.requireNonNull(t);
    }
}
