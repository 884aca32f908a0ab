package org.originbridge.asw.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.platform.errors.InvalidRecordException;

/**
 * Use case: verify a proof of origin with its destination's customs channel, in the right order,
 * and publish the outcome, once per content.
 * <ol>
 *   <li>an accepted declaration is checked for what the channel needs (else {@link InvalidRecordException}:
 *       dead letter) and hashed ({@link CanonicalContent}); a Declaration of Origin (self-issued) is
 *       verified at once; a Certificate of Origin waits for its issuance ({@link PendingVerifications}):
 *       it is verified when both the accepted declaration and the ISSUED status are known, in
 *       whichever order they arrive, and the issued certificate (number, issuing authority, document
 *       hash) is what goes to the channel;</li>
 *   <li>when the {@link VerificationLedger} already holds an outcome for this declaration and content
 *       (a redelivery, a replay, the other half arriving again), that very outcome is published again
 *       (same code, short code, channel reference, version and time) without calling the channel;</li>
 *   <li>otherwise this content is the next version: {@link Routing} names the channel; a destination
 *       without one (not an RCEP Party, or the channel not configured here) is NOT_APPLICABLE with the
 *       reason; else the channel is asked (idempotency key = declaration id + content hash), and a
 *       refusal (4xx) becomes a FAILED outcome carrying its reason;</li>
 *   <li>when, and only when, the outcome is VERIFIED: a short code is drawn and a verification code signed;</li>
 *   <li>VERIFIED, NOT_VERIFIED and NOT_APPLICABLE are recorded in the ledger, then published (key =
 *       declaration id). FAILED is not recorded: the same content is asked again next time;</li>
 *   <li>a revocation (by the issuing authority on {@code eco-issuance-status}, or reported by the
 *       destination channel) of a VERIFIED outcome is recorded and published as the next version,
 *       NOT_VERIFIED with reason "revoked by &lt;who&gt;" and the issuance check INVALID; once only. It keeps
 *       the verification code and short code that were issued, so that whoever holds them (a buyer,
 *       the QR code) is answered "revoked" by the public check rather than "unknown code".</li>
 * </ol>
 * Transient failures (a channel unavailable, the ledger or publishing failed) are thrown to the
 * caller: the record is retried, never dropped. A crash between record and publish is healed by the
 * redelivery, which finds the recorded outcome and publishes it.
 */
public final class VerifyDeclaration {

    private final AswGateway channels;
    private final VerificationCodeSigner signer;
    private final VerificationLedger ledger;
    private final PendingVerifications pending;
    private final Supplier<String> shortCodes;
    private final VerificationPublisher publisher;
    private final VerificationMetrics metrics;
    private final Clock clock;

    public VerifyDeclaration(AswGateway channels, VerificationCodeSigner signer, VerificationLedger ledger,
            PendingVerifications pending, Supplier<String> shortCodes, VerificationPublisher publisher,
            VerificationMetrics metrics, Clock clock) {
        this.channels = channels;
        this.signer = signer;
        this.ledger = ledger;
        this.pending = pending;
        this.shortCodes = shortCodes;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** An accepted declaration: verified now (DoO, or CO already issued), or kept until issued (empty). */
    public Optional<VerificationResult> accepted(Declaration declaration) {
        AswRequest request = request(declaration);
        if (!request.needsIssuance()) {
            return Optional.of(verify(declaration.supplierId(), declaration.referenceNumber(), request));
        }
        PendingVerifications.Pending both = pending.accepted(declaration.supplierId(), declaration.referenceNumber(), request);
        if (both.issued().isEmpty()) {
            metrics.awaitingIssuance();
            return Optional.empty();
        }
        return Optional.of(verify(declaration.supplierId(), declaration.referenceNumber(), request.withIssuance(both.issued().get())));
    }

    /** A certificate ISSUED: verified now if its accepted declaration is known, else kept until it is (empty). */
    public Optional<VerificationResult> issued(String declarationId, Issuance issuance) {
        PendingVerifications.Pending both = pending.issued(declarationId, issuance);
        if (both.accepted().isEmpty() || !both.accepted().get().needsIssuance()) {
            return Optional.empty();
        }
        return Optional.of(verify(both.supplierId(), both.referenceNumber(), both.accepted().get().withIssuance(issuance)));
    }

    /**
     * A revocation by {@code by} (CN-CCPIT, ASW-MY, ...) of the declaration's certificate: when its latest
     * outcome is VERIFIED, the next version NOT_VERIFIED is recorded and published; a redelivered
     * revocation publishes that same version again; anything else is left alone (empty).
     */
    public Optional<VerificationResult> revoked(String declarationId, String by, String why) {
        Optional<VerificationResult> latest = ledger.latest(declarationId);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        VerificationResult last = latest.get();
        if (last.revocation()) {
            publisher.publish(last);
            metrics.republished(last.outcome());
            return Optional.of(last);
        }
        if (last.outcome() != Outcome.VERIFIED) {
            return Optional.empty();
        }
        String reason = "revoked by " + by + (why == null || why.isBlank() ? "" : ": " + why);
        Check revokedCheck = new Check(Check.Status.INVALID, "certificate " + Objects.requireNonNullElse(last.certificateNumber(),
                last.referenceNumber()) + " " + reason);
        VerificationResult revocation = new VerificationResult(last.declarationId(), last.supplierId(), last.referenceNumber(),
                Outcome.NOT_VERIFIED, last.aswReference(), last.documentHash(), last.documentIntegrity(), revokedCheck,
                last.issuerIdentity(), last.verificationCode(), reason, clock.instant(), last.version() + 1, last.shortCode(),
                last.channel(), last.certificateNumber(), last.issuingAuthority(), true);
        if (!ledger.record(revocation)) {
            revocation = ledger.latest(declarationId).filter(VerificationResult::revocation).orElseThrow(() ->
                    new IllegalStateException("version " + (last.version() + 1) + " of " + declarationId + " was taken concurrently"));
        }
        publisher.publish(revocation);
        metrics.completed(revocation.outcome(), Duration.ZERO);
        return Optional.of(revocation);
    }

    /** A channel reported this certificate (or DoO reference) revoked: every declaration verifying it is revoked. */
    public List<VerificationResult> revokedCertificate(String certificateOrReference, String by, String why) {
        List<VerificationResult> published = new ArrayList<>();
        for (String declarationId : ledger.declarationsVerifying(certificateOrReference)) {
            revoked(declarationId, by, why).ifPresent(published::add);
        }
        return published;
    }

    VerificationResult verify(String supplierId, String referenceNumber, AswRequest request) {
        Instant started = clock.instant();
        Optional<VerificationResult> known = ledger.find(request.declarationId(), request.documentHash());
        if (known.isPresent()) {
            publisher.publish(known.get());
            metrics.republished(known.get().outcome());
            return known.get();
        }
        int version = ledger.latestVersion(request.declarationId()) + 1;
        VerificationResult result;
        Routing.Route route = Routing.route(request.importingCountry());
        if (route instanceof Routing.None none) {
            result = notApplicable(supplierId, referenceNumber, request, version, null, none.reason());
        } else {
            String channel = ((Routing.Channel) route).id();
            if (!channels.serves(channel)) {
                result = notApplicable(supplierId, referenceNumber, request, version, channel,
                        "the verification channel " + channel + " of destination " + request.importingCountry()
                                + " is not configured in this deployment");
            } else {
                AswGateway.Result answer = channels.verify(channel, request);
                result = answer instanceof AswGateway.Answered answered
                        ? answered(supplierId, referenceNumber, request, answered.answer(), version, channel)
                        : refused(supplierId, referenceNumber, request, (AswGateway.Refused) answer, version, channel);
            }
        }
        if (result.outcome() != Outcome.FAILED && !ledger.record(result)) {
            // recorded concurrently (a rebalance, both halves at once): publish what was recorded
            result = ledger.find(request.declarationId(), request.documentHash()).orElseThrow(() -> new IllegalStateException(
                    "version " + version + " of " + request.declarationId() + " was recorded concurrently for other content"));
        }
        publisher.publish(result);
        metrics.completed(result.outcome(), Duration.between(started, clock.instant()));
        return result;
    }

    private VerificationResult notApplicable(String supplierId, String referenceNumber, AswRequest request, int version,
            String channel, String reason) {
        Check notChecked = Check.skipped("not checked: " + reason);
        return new VerificationResult(request.declarationId(), supplierId, referenceNumber, Outcome.NOT_APPLICABLE, null,
                request.documentHash(), notChecked, notChecked, notChecked, null, reason, clock.instant(), version, null, channel,
                request.certificateNumber(), request.issuingAuthority(), false);
    }

    private VerificationResult answered(String supplierId, String referenceNumber, AswRequest request, AswAnswer answer,
            int version, String channel) {
        Outcome outcome = answer.verified() ? Outcome.VERIFIED : Outcome.NOT_VERIFIED;
        String shortCode = outcome == Outcome.VERIFIED ? shortCodes.get() : null;
        String code = outcome == Outcome.VERIFIED
                ? signer.sign(request.declarationId(), request.coReferenceNumber(), answer.aswReference(), outcome,
                        request.documentHash(), version, shortCode, channel, request.certificateNumber())
                : null;
        String reason = outcome == Outcome.VERIFIED ? null : Stream.of(answer.documentIntegrity(), answer.issuanceStatus(),
                        answer.issuerIdentity())
                .filter(c -> c.status() == Check.Status.INVALID)
                .map(Check::reason)
                .filter(Objects::nonNull)
                .collect(Collectors.joining("; "));
        return new VerificationResult(request.declarationId(), supplierId, referenceNumber, outcome, answer.aswReference(),
                request.documentHash(), answer.documentIntegrity(), answer.issuanceStatus(), answer.issuerIdentity(), code,
                reason == null || reason.isEmpty() ? (outcome == Outcome.VERIFIED ? null : "not verified by " + channel) : reason,
                answer.verifiedAt() != null ? answer.verifiedAt() : clock.instant(), version, shortCode, channel,
                request.certificateNumber(), request.issuingAuthority(), false);
    }

    private VerificationResult refused(String supplierId, String referenceNumber, AswRequest request, AswGateway.Refused refused,
            int version, String channel) {
        String reason = channel + " refused the verification request (HTTP " + refused.status() + ")"
                + (refused.reason() == null || refused.reason().isBlank() ? "" : ": " + refused.reason());
        Check notChecked = Check.skipped("not checked: " + reason);
        return new VerificationResult(request.declarationId(), supplierId, referenceNumber, Outcome.FAILED, null,
                request.documentHash(), notChecked, notChecked, notChecked, null, reason, clock.instant(), version, null, channel,
                request.certificateNumber(), request.issuingAuthority(), false);
    }

    /** The channel request (without the issued certificate), or every missing field at once. */
    static AswRequest request(Declaration d) {
        List<FieldError> problems = new ArrayList<>();
        require(problems, d.declarationId(), "declarationId");
        require(problems, d.referenceNumber(), "declaration.referenceNumber");
        if (d.documentType() == null || d.documentType().isBlank() || "UNKNOWN".equals(d.documentType())) {
            problems.add(new FieldError("declaration.documentType", ErrorCodes.INVALID_VALUE, "must be a known proof-of-origin type"));
        }
        String exportingCountry = d.exporter() == null ? null : d.exporter().country();
        require(problems, exportingCountry, "declaration.exporter.country");
        require(problems, d.exporter() == null ? null : d.exporter().name(), "declaration.exporter.name");
        require(problems, d.destinationCountry(), "declaration.destinationCountry");
        if (d.issueDate() == null) {
            problems.add(new FieldError("declaration.issueDate", ErrorCodes.REQUIRED, "is required"));
        }
        Set<String> hsCodes = new LinkedHashSet<>();
        d.goods().forEach(i -> {
            if (i.hsCode() != null && !i.hsCode().isBlank()) {
                hsCodes.add(i.hsCode().trim());
            }
        });
        if (hsCodes.isEmpty()) {
            problems.add(new FieldError("declaration.goods[].hsCode", ErrorCodes.REQUIRED, "at least one goods item with an HS code is required"));
        }
        if (!problems.isEmpty()) {
            throw InvalidRecordException.of(problems);
        }
        return new AswRequest(d.declarationId(), d.referenceNumber(), d.documentType(), exportingCountry, d.destinationCountry(),
                d.exporter().name(), List.copyOf(hsCodes), d.issueDate(), CanonicalContent.documentHash(d), null, null, null);
    }

    private static void require(List<FieldError> problems, String value, String field) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldError(field, ErrorCodes.REQUIRED, "is required"));
        }
    }
}
