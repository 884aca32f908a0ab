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
import org.originbridge.platform.errors.InvalidRecordException;

/**
 * Use case: verify one accepted declaration against ASW and publish the outcome, once per content.
 * <ol>
 *   <li>check the declaration has what ASW needs (else {@link InvalidRecordException}: dead letter);</li>
 *   <li>hash its canonical content ({@link CanonicalContent});</li>
 *   <li>when the {@link VerificationLedger} already holds an outcome for this declaration and content
 *       (a redelivery, a replay), publish that very outcome again (same code, short code, ASW
 *       reference, version and time) without calling ASW;</li>
 *   <li>otherwise this content is the next version: ask ASW (idempotency key = declaration id +
 *       content hash); a refusal (4xx) becomes a FAILED outcome carrying ASW's reason;</li>
 *   <li>when, and only when, the outcome is VERIFIED: draw a short code and sign a verification code;</li>
 *   <li>record ASW's answer (VERIFIED or NOT_VERIFIED) in the ledger, then publish (key =
 *       declaration id). FAILED is not recorded: the same content is asked again next time.</li>
 * </ol>
 * Transient failures (ASW unavailable, ledger or publishing failed) are thrown to the caller: the
 * record is retried and finally dead-lettered, never dropped. A crash between record and publish
 * is healed by the redelivery, which finds the recorded outcome and publishes it.
 */
public final class VerifyDeclaration {

    private final AswGateway asw;
    private final VerificationCodeSigner signer;
    private final VerificationLedger ledger;
    private final Supplier<String> shortCodes;
    private final VerificationPublisher publisher;
    private final VerificationMetrics metrics;
    private final Clock clock;

    public VerifyDeclaration(AswGateway asw, VerificationCodeSigner signer, VerificationLedger ledger,
            Supplier<String> shortCodes, VerificationPublisher publisher, VerificationMetrics metrics, Clock clock) {
        this.asw = asw;
        this.signer = signer;
        this.ledger = ledger;
        this.shortCodes = shortCodes;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    public VerificationResult verify(Declaration declaration) {
        Instant started = clock.instant();
        AswRequest request = request(declaration);
        Optional<VerificationResult> known = ledger.find(declaration.declarationId(), request.documentHash());
        if (known.isPresent()) {
            publisher.publish(known.get());
            metrics.republished(known.get().outcome());
            return known.get();
        }
        int version = ledger.latestVersion(declaration.declarationId()) + 1;
        AswGateway.Result answer = asw.verify(request);
        VerificationResult result = answer instanceof AswGateway.Answered answered
                ? answered(declaration, request, answered.answer(), version)
                : refused(declaration, request, (AswGateway.Refused) answer, version);
        if (result.outcome() != Outcome.FAILED && !ledger.record(result)) {
            // recorded concurrently (a rebalance): publish what was recorded, or retry the record
            result = ledger.find(declaration.declarationId(), request.documentHash()).orElseThrow(() -> new IllegalStateException(
                    "version " + version + " of " + declaration.declarationId() + " was recorded concurrently for other content"));
        }
        publisher.publish(result);
        metrics.completed(result.outcome(), Duration.between(started, clock.instant()));
        return result;
    }

    private VerificationResult answered(Declaration d, AswRequest request, AswAnswer answer, int version) {
        Outcome outcome = answer.verified() ? Outcome.VERIFIED : Outcome.NOT_VERIFIED;
        String shortCode = outcome == Outcome.VERIFIED ? shortCodes.get() : null;
        String code = outcome == Outcome.VERIFIED
                ? signer.sign(d.declarationId(), request.coReferenceNumber(), answer.aswReference(), outcome, request.documentHash(),
                        version, shortCode)
                : null;
        String reason = outcome == Outcome.VERIFIED ? null : Stream.of(answer.documentIntegrity(), answer.issuanceStatus(), answer.issuerIdentity())
                .filter(c -> c.status() == Check.Status.INVALID)
                .map(Check::reason)
                .filter(Objects::nonNull)
                .collect(Collectors.joining("; "));
        return new VerificationResult(d.declarationId(), d.supplierId(), d.referenceNumber(), outcome, answer.aswReference(),
                request.documentHash(), answer.documentIntegrity(), answer.issuanceStatus(), answer.issuerIdentity(), code,
                reason == null || reason.isEmpty() ? (outcome == Outcome.VERIFIED ? null : "not verified by ASW") : reason,
                answer.verifiedAt() != null ? answer.verifiedAt() : clock.instant(), version, shortCode);
    }

    private VerificationResult refused(Declaration d, AswRequest request, AswGateway.Refused refused, int version) {
        String reason = "ASW refused the verification request (HTTP " + refused.status() + ")"
                + (refused.reason() == null || refused.reason().isBlank() ? "" : ": " + refused.reason());
        Check notChecked = Check.skipped("not checked: " + reason);
        return new VerificationResult(d.declarationId(), d.supplierId(), d.referenceNumber(), Outcome.FAILED, null,
                request.documentHash(), notChecked, notChecked, notChecked, null, reason, clock.instant(), version, null);
    }

    /** The ASW request, or every missing field at once. */
    static AswRequest request(Declaration d) {
        List<InvalidRecordException.Problem> problems = new ArrayList<>();
        require(problems, d.declarationId(), "declarationId");
        require(problems, d.referenceNumber(), "declaration.referenceNumber");
        if (d.documentType() == null || d.documentType().isBlank() || "UNKNOWN".equals(d.documentType())) {
            problems.add(new InvalidRecordException.Problem("declaration.documentType", "must be a known proof-of-origin type"));
        }
        String exportingCountry = d.exporter() == null ? null : d.exporter().country();
        require(problems, exportingCountry, "declaration.exporter.country");
        require(problems, d.exporter() == null ? null : d.exporter().name(), "declaration.exporter.name");
        require(problems, d.destinationCountry(), "declaration.destinationCountry");
        if (d.issueDate() == null) {
            problems.add(new InvalidRecordException.Problem("declaration.issueDate", "is required"));
        }
        Set<String> hsCodes = new LinkedHashSet<>();
        d.goods().forEach(i -> {
            if (i.hsCode() != null && !i.hsCode().isBlank()) {
                hsCodes.add(i.hsCode().trim());
            }
        });
        if (hsCodes.isEmpty()) {
            problems.add(new InvalidRecordException.Problem("declaration.goods[].hsCode", "at least one goods item with an HS code is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRecordException(problems);
        }
        return new AswRequest(d.declarationId(), d.referenceNumber(), d.documentType(), exportingCountry, d.destinationCountry(),
                d.exporter().name(), List.copyOf(hsCodes), d.issueDate(), CanonicalContent.documentHash(d));
    }

    private static void require(List<InvalidRecordException.Problem> problems, String value, String field) {
        if (value == null || value.isBlank()) {
            problems.add(new InvalidRecordException.Problem(field, "is required"));
        }
    }
}
