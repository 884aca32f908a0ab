package org.originbridge.sandbox.asw;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.originbridge.sandbox.asw.VerificationResult.Check;
import org.originbridge.sandbox.asw.VerificationResult.Checks;
import org.originbridge.sandbox.asw.VerificationResult.Outcome;
import org.originbridge.sandbox.verification.Channels;
import org.originbridge.sandbox.verification.DestinationRevocations;
import org.originbridge.sandbox.verification.IssuedCertificates;
import org.originbridge.sandbox.verification.NumberingIssuedCertificates;
import org.originbridge.sandbox.web.BadRequestException;

/**
 * The destination channels' deterministic rules (the ASW's national single windows and the
 * partners' customs channels share them; documented in docs/sandbox.md, asw.yaml and customs.yaml):
 * <ol>
 *   <li>the channel serves its destination only: a request whose importingCountry is not the
 *       channel's (for the ASW: not an ASEAN Member State) is refused, 400 naming importingCountry;</li>
 *   <li>issuerIdentity: the exporting country must be an RCEP Party and differ from the importing
 *       one; for a Certificate of Origin the issuing authority must be the exporting Party's
 *       ({@code <ISO2>-...}); otherwise INVALID, and the two other checks are SKIPPED;</li>
 *   <li>issuanceStatus: a Certificate of Origin must come with its issued certificate number, known
 *       as issued by that authority ({@link IssuedCertificates}) and not revoked, neither by the
 *       authority nor at this destination ({@link DestinationRevocations}); a coReferenceNumber
 *       starting {@code REVOKED} is INVALID (revoked); an issueDate after today (UTC) is INVALID;</li>
 *   <li>documentIntegrity: the first hash presented for a certificate (its number, else the
 *       coReferenceNumber) is registered; a later different hash for it is INVALID (altered document).</li>
 * </ol>
 * The outcome is VERIFIED only when all three are VALID. The reference is derived from the
 * request, so a retried call gets the same reference.
 */
public class AswVerifier {

    private final Clock clock;
    private final IssuedCertificates issued;
    private final DestinationRevocations revocations;
    private final Map<String, String> registeredHashes = new ConcurrentHashMap<>();
    private final Map<String, Answered> answeredByKey = new ConcurrentHashMap<>();

    public AswVerifier(Clock clock) {
        this(clock, new NumberingIssuedCertificates(), new DestinationRevocations());
    }

    public AswVerifier(Clock clock, IssuedCertificates issued, DestinationRevocations revocations) {
        this.clock = clock;
        this.issued = issued;
        this.revocations = revocations;
    }

    /** The ASW's legacy entry ({@code /asw/v1/verifications}): any ASEAN Member State's window. */
    public VerificationResult verify(VerificationRequest request, String idempotencyKey) {
        String channel = request.importingCountry() != null && Channels.ASEAN.contains(request.importingCountry())
                ? "ASW-" + request.importingCountry() : "ASW";
        return verify(channel, Channels.ASEAN, request, idempotencyKey);
    }

    /**
     * Idempotent form: the first answer for a key (per channel) is kept and answered again for that
     * key (same reference, checks and verifiedAt); the same key with another request is a 409.
     */
    public VerificationResult verify(String channel, Set<String> destinations, VerificationRequest request, String idempotencyKey) {
        if (!destinations.contains(request.importingCountry())) {
            throw new BadRequestException("importingCountry", request.importingCountry() + " is not served by "
                    + ("ASW".equals(channel) || channel.startsWith("ASW-")
                            ? "the ASEAN Single Window (ASEAN Member States only: " + String.join(" ", new java.util.TreeSet<>(destinations)) + ")"
                            : channel));
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return verify(channel, request);
        }
        if (idempotencyKey.length() > 200) {
            throw new BadRequestException("Idempotency-Key", "at most 200 characters");
        }
        Answered answered = answeredByKey.computeIfAbsent(channel + '\n' + idempotencyKey,
                k -> new Answered(request, verify(channel, request)));
        if (!answered.request().equals(request)) {
            throw new org.originbridge.sandbox.web.ConflictException(
                    "Idempotency-Key " + idempotencyKey + " was already used with a different request body");
        }
        return answered.result();
    }

    private record Answered(VerificationRequest request, VerificationResult result) {
    }

    public VerificationResult verify(VerificationRequest request) {
        return verify("ASW-" + request.importingCountry(), request);
    }

    VerificationResult verify(String channel, VerificationRequest request) {
        String hash = request.documentHash().toLowerCase(Locale.ROOT);
        Check issuer = issuerIdentity(request);
        Check issuance;
        Check integrity;
        if (issuer.status() == VerificationResult.CheckStatus.INVALID) {
            issuance = Check.skipped("issuer not recognised by " + channel + ": issuance status not queried");
            integrity = Check.skipped("issuer not recognised by " + channel + ": no registered document to compare");
        } else {
            issuance = issuanceStatus(channel, request);
            integrity = documentIntegrity(request.certificateNumber() != null ? request.certificateNumber() : request.coReferenceNumber(),
                    hash);
        }
        Checks checks = new Checks(integrity, issuance, issuer);
        return new VerificationResult(
                reference(channel, request, hash),
                checks.allValid() ? Outcome.VERIFIED : Outcome.NOT_VERIFIED,
                checks,
                clock.instant());
    }

    private static boolean isCertificate(VerificationRequest r) {
        return "CERTIFICATE_OF_ORIGIN".equals(r.documentType());
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
        if (isCertificate(r) && r.issuingAuthority() != null && !r.issuingAuthority().startsWith(r.exportingCountry() + "-")) {
            return Check.invalid("issuing authority " + r.issuingAuthority() + " does not issue certificates for "
                    + r.exportingCountry());
        }
        return Check.valid(isCertificate(r) && r.issuingAuthority() != null
                ? "issuing authority " + r.issuingAuthority() + " is the recognised RCEP issuing body of " + r.exportingCountry()
                : "exporting Party " + r.exportingCountry() + " is an RCEP Party");
    }

    private Check issuanceStatus(String channel, VerificationRequest r) {
        if (r.coReferenceNumber().startsWith("REVOKED")) {
            return Check.invalid("certificate " + r.coReferenceNumber() + " has been revoked by its issuing authority");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        if (r.issueDate().isAfter(today)) {
            return Check.invalid("issue date " + r.issueDate() + " is in the future: not yet issued");
        }
        if (!isCertificate(r)) {
            if (revocations.isRevoked(channel, r.coReferenceNumber())) {
                return Check.invalid("declaration of origin " + r.coReferenceNumber() + " has been revoked by " + channel);
            }
            return Check.valid("declaration of origin " + r.coReferenceNumber() + " is self-issued and not revoked");
        }
        if (r.certificateNumber() == null || r.issuingAuthority() == null) {
            return Check.invalid("no issued certificate number and issuing authority presented: a certificate of origin is "
                    + "verified once its issuing authority issued it");
        }
        IssuedCertificates.Status status = issued.status(r.issuingAuthority(), r.certificateNumber());
        if (status == IssuedCertificates.Status.UNKNOWN) {
            return Check.invalid("certificate " + r.certificateNumber() + " is not known as issued by " + r.issuingAuthority());
        }
        if (status == IssuedCertificates.Status.REVOKED) {
            return Check.invalid("certificate " + r.certificateNumber() + " has been revoked by " + r.issuingAuthority());
        }
        if (revocations.isRevoked(channel, r.certificateNumber())) {
            return Check.invalid("certificate " + r.certificateNumber() + " has been revoked by " + channel);
        }
        return Check.valid("certificate " + r.certificateNumber() + " is issued by " + r.issuingAuthority() + " and not revoked");
    }

    private Check documentIntegrity(String documentNumber, String hash) {
        String registered = registeredHashes.putIfAbsent(documentNumber, hash);
        if (registered == null) {
            return Check.valid("document hash registered for " + documentNumber);
        }
        if (registered.equals(hash)) {
            return Check.valid("document hash matches the one registered for " + documentNumber);
        }
        return Check.invalid("document hash differs from the one registered for " + documentNumber + ": document altered");
    }

    private static String reference(String channel, VerificationRequest r, String hash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((r.declarationId() + '|' + r.coReferenceNumber() + '|' + hash + '|'
                    + (r.certificateNumber() == null ? "" : r.certificateNumber())).getBytes(StandardCharsets.UTF_8));
            String prefix = channel.endsWith("-CUSTOMS") ? channel : "ASW-" + r.importingCountry();
            return prefix + "-" + HexFormat.of().withUpperCase().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
