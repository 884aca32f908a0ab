package org.originbridge.sandbox.ccpit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.originbridge.sandbox.issuing.AnnexContent;
import org.originbridge.sandbox.issuing.CertificateXml;
import org.originbridge.sandbox.issuing.StatusNotifier;
import org.originbridge.sandbox.web.ConflictException;
import org.originbridge.sandbox.web.NotFoundException;

/** In-memory CCPIT: applications per applicant, idempotent on (applicant, Idempotency-Key). */
public class CcpitRegistry {

    public record Submission(Application application, boolean replayed) {}

    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final Clock clock;
    private final Duration step;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Application> byId = new ConcurrentHashMap<>();
    private final Map<String, String> idByIdempotencyKey = new ConcurrentHashMap<>();

    public CcpitRegistry(Clock clock, Duration step) {
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("sandbox.ccpit.step must be positive");
        }
        this.clock = clock;
        this.step = step;
    }

    public synchronized Submission submit(String applicantId, String idempotencyKey, ApplicationRequest request) {
        String fingerprint = fingerprint(request);
        String scopedKey = applicantId + '\n' + idempotencyKey;
        String existingId = idByIdempotencyKey.get(scopedKey);
        if (existingId != null) {
            Application existing = current(existingId);
            if (!existing.fingerprint().equals(fingerprint)) {
                throw new ConflictException("Idempotency-Key " + idempotencyKey + " was already used with a different request body");
            }
            return new Submission(existing, true);
        }
        Instant now = clock.instant();
        long n = sequence.incrementAndGet();
        int year = now.atZone(ZoneOffset.UTC).getYear();
        Application created = new Application(
                UUID.randomUUID().toString(),
                applicantId,
                request.declarationId(),
                request.coReferenceNumber(),
                request.exporterName(),
                request.importingCountry(),
                List.copyOf(request.hsCodes()),
                fingerprint,
                String.format("SN%d%08d", year, n),
                String.format("CCPIT-RCEP-%d-%08d", year, n),
                verificationCode(),
                ApplicationStatus.SUBMITTED,
                null,
                now,
                now,
                request);
        byId.put(created.applicationId(), created);
        idByIdempotencyKey.put(scopedKey, created.applicationId());
        return new Submission(created, false);
    }

    /** The application as it is now; an applicant sees only its own (others' are "not found"). */
    public Application get(String applicantId, String applicationId) {
        Application application = current(applicationId);
        if (!application.applicantId().equals(applicantId)) {
            throw new NotFoundException("no application " + applicationId);
        }
        return application;
    }

    public synchronized Application revoke(String applicantId, String applicationId, String reason) {
        Application application = get(applicantId, applicationId);
        if (application.status() != ApplicationStatus.ISSUED) {
            throw new ConflictException("only an ISSUED certificate can be revoked; application " + applicationId + " is "
                    + application.status());
        }
        Application revoked = application.revoke(clock.instant(), reason == null || reason.isBlank() ? "revoked by the issuing authority" : reason);
        byId.put(applicationId, revoked);
        return revoked;
    }

    /** Public lookup: certificate number plus verification code, as printed on the certificate. */
    public Optional<Application> lookup(String certificateNumber, String verificationCode) {
        return byId.values().stream()
                .filter(a -> a.certificateNumber().equals(certificateNumber))
                .map(a -> current(a.applicationId()))
                .filter(Application::certificateVisible)
                .filter(a -> MessageDigest.isEqual(
                        a.verificationCode().getBytes(StandardCharsets.UTF_8),
                        (verificationCode == null ? "" : verificationCode).getBytes(StandardCharsets.UTF_8)))
                .findFirst();
    }

    /** The current status of the certificate with this number, if this authority issued one (no code needed: authority to channel). */
    public Optional<ApplicationStatus> certificateStatus(String certificateNumber) {
        return byId.values().stream()
                .filter(a -> certificateNumber.equals(a.certificateNumber()))
                .map(a -> current(a.applicationId()))
                .filter(Application::certificateVisible)
                .map(Application::status)
                .findFirst();
    }

    /** Every application as it is now (for the status notifications). */
    public List<StatusNotifier.Snapshot> snapshots() {
        return byId.keySet().stream().map(this::current)
                .map(a -> new StatusNotifier.Snapshot(a.declarationId(), a.applicationId(), a.status().name())).toList();
    }

    /** The issued (or since revoked) certificate as an XML document; 409 before it is issued. */
    public byte[] certificate(String applicantId, String applicationId) {
        Application a = get(applicantId, applicationId);
        if (!a.certificateVisible()) {
            throw new ConflictException("application " + applicationId + " is " + a.status() + ": no certificate yet");
        }
        ApplicationRequest r = a.content();
        AnnexContent.Trader exporter = r.exporter() != null ? r.exporter() : new AnnexContent.Trader(a.exporterName(), null, "CN");
        java.util.List<AnnexContent.Item> goods = r.goods() != null ? r.goods() : a.hsCodes().stream()
                .map(hs -> new AnnexContent.Item(0, null, hs, null, null, null, null, null, null)).toList();
        return CertificateXml.render(new CertificateXml.Certificate("CN-CCPIT", a.certificateNumber(), a.serialNumber(),
                a.verificationCode(), issuedAt(a), a.declarationId(), a.coReferenceNumber(), exporter, r.producer(),
                r.consignee(), a.importingCountry(), r.transport(), goods, r.remarks()));
    }

    /** When it was issued: the time of the step that issued it (REVOKED keeps the issue time out of the document). */
    private Instant issuedAt(Application a) {
        Duration each = a.held() && step.compareTo(Application.HOLD_STEP) < 0 ? Application.HOLD_STEP : step;
        return a.submittedAt().plus(each.multipliedBy(2));
    }

    private Application current(String applicationId) {
        Application stored = byId.get(applicationId);
        if (stored == null) {
            throw new NotFoundException("no application " + applicationId);
        }
        Application advanced = stored.advance(clock.instant(), step);
        if (advanced != stored) {
            byId.replace(applicationId, stored, advanced);
        }
        return advanced;
    }


    private String verificationCode() {
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }

    private static String fingerprint(ApplicationRequest r) {
        // the Annex 3B content by its records' text form (values only, deterministic)
        String canonical = String.join("\n", r.declarationId(), r.coReferenceNumber(), r.exporterName(), r.importingCountry(),
                String.join(",", r.hsCodes()), r.fobValue() == null ? "" : r.fobValue().stripTrailingZeros().toPlainString(),
                String.valueOf(r.exporter()), String.valueOf(r.producer()), String.valueOf(r.consignee()),
                String.valueOf(r.transport()), String.valueOf(r.goods()), String.valueOf(r.declarant()),
                String.valueOf(r.remarks()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
