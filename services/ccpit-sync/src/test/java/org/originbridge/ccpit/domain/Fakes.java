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

    static final class Store implements EcoApplications {
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
            return new EcoApplication(a.request(), a.applicationId(), a.status(), a.previousStatus(), a.sequence(),
                    a.certificateNumber(), a.serialNumber(), a.queryUrl(), a.verificationCode(), a.reason(),
                    a.changedAt(), a.nextCheckAt(), emitted);
        }
    }

    /** A scripted CCPIT: answers the queued statuses in order, repeating the last one. */
    static final class Ccpit implements CcpitClient {
        final List<ApplicantCredential> submittedWith = new ArrayList<>();
        final Deque<Object> fetchScript = new ArrayDeque<>();
        RuntimeException nextSubmitFailure;
        IssuanceStatus submitStatus = IssuanceStatus.SUBMITTED;
        CcpitApplicationState last;
        int fetches;

        @Override
        public CcpitApplicationState submit(ApplicantCredential credential, EcoRequest request) {
            if (nextSubmitFailure != null) {
                RuntimeException e = nextSubmitFailure;
                nextSubmitFailure = null;
                throw e;
            }
            submittedWith.add(credential);
            last = CcpitApplicationState.submitted("APP-" + request.declarationId(), submitStatus);
            return last;
        }

        @Override
        public CcpitApplicationState fetch(ApplicantCredential credential, String applicationId) {
            fetches++;
            Object next = fetchScript.isEmpty() ? last : fetchScript.poll();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            last = (CcpitApplicationState) next;
            return last;
        }

        void then(IssuanceStatus status) {
            boolean certificate = status == IssuanceStatus.ISSUED || status == IssuanceStatus.REVOKED;
            fetchScript.add(new CcpitApplicationState("APP-D1", status, certificate ? "CCPIT-RCEP-2026-00000001" : null,
                    "SN202600000001", certificate ? "http://ccpit/certificates/CCPIT-RCEP-2026-00000001" : null,
                    certificate ? "ABCD2345" : null, status == IssuanceStatus.REVOKED ? "revoked by CCPIT" : null));
        }
    }

    static final class Publisher implements StatusPublisher {
        record Published(String declarationId, IssuanceStatus status, IssuanceStatus previousStatus, int sequence,
                String reason, String certificateNumber, String qrToken) {
        }

        final List<Published> published = new ArrayList<>();
        int failuresToSimulate;

        @Override
        public void publish(EcoApplication a, String qrToken) {
            if (failuresToSimulate > 0) {
                failuresToSimulate--;
                throw new IllegalStateException("broker unavailable (simulated)");
            }
            published.add(new Published(a.declarationId(), a.status(), a.previousStatus(), a.sequence(), a.reason(),
                    a.certificateNumber(), qrToken));
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

    static EcoRequest request(String declarationId, String supplierId) {
        return new EcoRequest(declarationId, supplierId, "CERTIFICATE_OF_ORIGIN", "RCEP-CN-2026-000101",
                "Shenzhen PowerTech Electronics Co., Ltd.", "JP", List.of("850440"));
    }

    static <T> T notNull(T t) {
        return Objects.requireNonNull(t);
    }
}
