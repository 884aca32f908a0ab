package org.originbridge.sandbox.vnmoit;

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
import org.originbridge.sandbox.issuing.CertificateXml;
import org.originbridge.sandbox.issuing.StatusNotifier;
import org.originbridge.sandbox.web.ConflictException;
import org.originbridge.sandbox.web.NotFoundException;

/** In-memory MOIT: dossiers per enterprise, idempotent on (enterprise, Idempotency-Key). */
public class VnMoitRegistry {

    public record Submission(Dossier dossier, boolean replayed) {}

    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final Clock clock;
    private final Duration step;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Dossier> byId = new ConcurrentHashMap<>();
    private final Map<String, String> idByIdempotencyKey = new ConcurrentHashMap<>();

    public VnMoitRegistry(Clock clock, Duration step) {
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("sandbox.vn-moit.step must be positive");
        }
        this.clock = clock;
        this.step = step;
    }

    public synchronized Submission submit(String enterpriseCode, String idempotencyKey, CoForm form) {
        String fingerprint = fingerprint(form);
        String scopedKey = enterpriseCode + '\n' + idempotencyKey;
        String existingId = idByIdempotencyKey.get(scopedKey);
        if (existingId != null) {
            Dossier existing = current(existingId);
            if (!existing.fingerprint().equals(fingerprint)) {
                throw new ConflictException("Idempotency-Key " + idempotencyKey + " was already used with a different form");
            }
            return new Submission(existing, true);
        }
        Instant now = clock.instant();
        long n = sequence.incrementAndGet();
        int year = now.atZone(ZoneOffset.UTC).getYear() % 100;
        Dossier created = new Dossier("VN-DOS-" + UUID.randomUUID(), enterpriseCode, form, fingerprint,
                String.format("RCEP-VN-%02d-01-%06d", year, n), String.format("VNS%06d", n), verificationCode(),
                DossierState.RECEIVED, null, now, now);
        byId.put(created.dossierId(), created);
        idByIdempotencyKey.put(scopedKey, created.dossierId());
        return new Submission(created, false);
    }

    /** The dossier as it is now; an enterprise sees only its own (others' are "not found"). */
    public Dossier get(String enterpriseCode, String dossierId) {
        Dossier dossier = current(dossierId);
        if (!dossier.enterpriseCode().equals(enterpriseCode)) {
            throw new NotFoundException("no dossier " + dossierId);
        }
        return dossier;
    }

    public synchronized Dossier revoke(String enterpriseCode, String dossierId, String reason) {
        Dossier dossier = get(enterpriseCode, dossierId);
        if (dossier.state() != DossierState.APPROVED) {
            throw new ConflictException("only an APPROVED certificate can be revoked; dossier " + dossierId + " is "
                    + dossier.state());
        }
        Dossier revoked = dossier.revoke(clock.instant(), reason == null || reason.isBlank()
                ? "revoked by the Ministry of Industry and Trade" : reason);
        byId.put(dossierId, revoked);
        return revoked;
    }

    /** The approved (or since revoked) certificate as an XML document; 409 before approval. */
    public byte[] certificate(String enterpriseCode, String dossierId) {
        Dossier d = get(enterpriseCode, dossierId);
        if (!d.certificateVisible()) {
            throw new ConflictException("dossier " + dossierId + " is " + d.state() + ": no certificate yet");
        }
        CoForm f = d.form();
        return CertificateXml.render(new CertificateXml.Certificate("VN-MOIT", d.coNumber(), d.serialNumber(),
                d.verificationCode(), d.receivedAt().plus(step.multipliedBy(2)), f.declarationId(), f.exporterReference(),
                f.exporter(), f.producer(), f.consignee(), f.importingCountry(), f.transport(), f.goods(), f.remarks()));
    }

    /** Public lookup: C/O number plus verification code, as printed on the certificate. */
    public Optional<Dossier> lookup(String coNumber, String verificationCode) {
        return byId.values().stream()
                .filter(d -> d.coNumber().equals(coNumber))
                .map(d -> current(d.dossierId()))
                .filter(Dossier::certificateVisible)
                .filter(d -> MessageDigest.isEqual(d.verificationCode().getBytes(StandardCharsets.UTF_8),
                        (verificationCode == null ? "" : verificationCode).getBytes(StandardCharsets.UTF_8)))
                .findFirst();
    }

    /** The current state of the certificate with this number, if this authority issued one (no code needed: authority to channel). */
    public Optional<DossierState> certificateStatus(String coNumber) {
        return byId.values().stream()
                .filter(d -> coNumber.equals(d.coNumber()))
                .map(d -> current(d.dossierId()))
                .filter(Dossier::certificateVisible)
                .map(Dossier::state)
                .findFirst();
    }

    /** Every dossier as it is now (for the status notifications). */
    public List<StatusNotifier.Snapshot> snapshots() {
        return byId.keySet().stream().map(this::current)
                .map(d -> new StatusNotifier.Snapshot(d.form().declarationId(), d.dossierId(), d.state().name())).toList();
    }

    private Dossier current(String dossierId) {
        Dossier stored = byId.get(dossierId);
        if (stored == null) {
            throw new NotFoundException("no dossier " + dossierId);
        }
        Dossier advanced = stored.advance(clock.instant(), step);
        if (advanced != stored) {
            byId.replace(dossierId, stored, advanced);
        }
        return advanced;
    }

    private String verificationCode() {
        char[] code = new char[10];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }

    private static String fingerprint(CoForm form) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(form).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
