package org.originbridge.sandbox.asw;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.originbridge.sandbox.asw.VerificationResult.Check;
import org.originbridge.sandbox.asw.VerificationResult.Checks;
import org.originbridge.sandbox.asw.VerificationResult.Outcome;

/**
 * The ASW sandbox's deterministic rules (documented in docs/sandbox.md and asw.yaml):
 * <ol>
 *   <li>issuerIdentity: both countries must be RCEP Parties and differ; otherwise INVALID, and the
 *       two other checks are SKIPPED (no issuing authority to ask, no hash to register);</li>
 *   <li>issuanceStatus: a coReferenceNumber starting {@code REVOKED} is INVALID (revoked); an
 *       issueDate after today (UTC) is INVALID (not yet issued);</li>
 *   <li>documentIntegrity: the first hash presented for a coReferenceNumber is registered; a later
 *       different hash for the same coReferenceNumber is INVALID (altered document).</li>
 * </ol>
 * The outcome is VERIFIED only when all three are VALID. The reference is derived from the
 * request, so a retried call gets the same reference.
 */
public class AswVerifier {

    private final Clock clock;
    private final Map<String, String> registeredHashes = new ConcurrentHashMap<>();
    private final Map<String, Answered> answeredByKey = new ConcurrentHashMap<>();

    public AswVerifier(Clock clock) {
        this.clock = clock;
    }

    /**
     * Idempotent form: the first answer for a key is kept and answered again for that key (same
     * reference, checks and verifiedAt); the same key with another request is a 409.
     */
    public VerificationResult verify(VerificationRequest request, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return verify(request);
        }
        if (idempotencyKey.length() > 200) {
            throw new org.originbridge.sandbox.web.BadRequestException("Idempotency-Key", "at most 200 characters");
        }
        Answered answered = answeredByKey.computeIfAbsent(idempotencyKey, k -> new Answered(request, verify(request)));
        if (!answered.request().equals(request)) {
            throw new org.originbridge.sandbox.web.ConflictException(
                    "Idempotency-Key " + idempotencyKey + " was already used with a different request body");
        }
        return answered.result();
    }

    private record Answered(VerificationRequest request, VerificationResult result) {
    }

    public VerificationResult verify(VerificationRequest request) {
        String hash = request.documentHash().toLowerCase(Locale.ROOT);
        Check issuer = issuerIdentity(request);
        Check issuance;
        Check integrity;
        if (issuer.status() == VerificationResult.CheckStatus.INVALID) {
            issuance = Check.skipped("issuer not recognised by the ASW network: issuance status not queried");
            integrity = Check.skipped("issuer not recognised by the ASW network: no registered document to compare");
        } else {
            issuance = issuanceStatus(request);
            integrity = documentIntegrity(request.coReferenceNumber(), hash);
        }
        Checks checks = new Checks(integrity, issuance, issuer);
        return new VerificationResult(
                reference(request, hash),
                checks.allValid() ? Outcome.VERIFIED : Outcome.NOT_VERIFIED,
                checks,
                clock.instant());
    }

    private static Check issuerIdentity(VerificationRequest r) {
        if (!RcepParties.isParty(r.exportingCountry())) {
            return Check.invalid("exporting country " + r.exportingCountry() + " is not an RCEP Party");
        }
        if (!RcepParties.isParty(r.importingCountry())) {
            return Check.invalid("importing country " + r.importingCountry() + " is not an RCEP Party");
        }
        if (r.exportingCountry().equals(r.importingCountry())) {
            return Check.invalid("exporting and importing country are both " + r.exportingCountry());
        }
        return Check.valid("issuing authority of " + r.exportingCountry() + " is a recognised RCEP issuing body");
    }

    private Check issuanceStatus(VerificationRequest r) {
        if (r.coReferenceNumber().startsWith("REVOKED")) {
            return Check.invalid("certificate " + r.coReferenceNumber() + " has been revoked by its issuing authority");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        if (r.issueDate().isAfter(today)) {
            return Check.invalid("issue date " + r.issueDate() + " is in the future: not yet issued");
        }
        return Check.valid("certificate " + r.coReferenceNumber() + " is issued and not revoked");
    }

    private Check documentIntegrity(String coReferenceNumber, String hash) {
        String registered = registeredHashes.putIfAbsent(coReferenceNumber, hash);
        if (registered == null) {
            return Check.valid("document hash registered for " + coReferenceNumber);
        }
        if (registered.equals(hash)) {
            return Check.valid("document hash matches the one registered for " + coReferenceNumber);
        }
        return Check.invalid("document hash differs from the one registered for " + coReferenceNumber + ": document altered");
    }

    private static String reference(VerificationRequest r, String hash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((r.declarationId() + '|' + r.coReferenceNumber() + '|' + hash).getBytes(StandardCharsets.UTF_8));
            return "ASW-" + r.importingCountry() + "-" + HexFormat.of().withUpperCase().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
