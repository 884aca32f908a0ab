package org.originbridge.status.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The use cases of the read side. */
public final class StatusQueries {

    private final StatusReadStore store;
    private final TokenCheck verificationCodes;
    private final TokenCheck qrTokens;
    private final Clock clock;

    public StatusQueries(StatusReadStore store, TokenCheck verificationCodes, TokenCheck qrTokens, Clock clock) {
        this.store = store;
        this.verificationCodes = verificationCodes;
        this.qrTokens = qrTokens;
        this.clock = clock;
    }

    /** The consolidated status, or empty when no topic has mentioned the declaration. */
    public Optional<DeclarationStatus> status(String declarationId) {
        return store.findDeclaration(declarationId).map(this::consolidate);
    }

    private DeclarationStatus consolidate(DeclarationProjection p) {
        List<String> refs = References.of(p.declaration() == null ? null : p.declaration().consignment());
        List<LogisticsEvent> milestones = refs.isEmpty() ? List.of() : Milestones.visible(store.logisticsEvents(refs));
        DeclarationStatus.Score score = p.supplierId() == null ? null : store.score(p.supplierId())
                .map(s -> new DeclarationStatus.Score(s.score(), s.band(), s.previousScore(), s.factors(), s.version(),
                        s.asOf(), s.validUntil(), s.source(),
                        s.validUntil() == null || s.validUntil().isAfter(clock.instant())))
                .orElse(null);
        DeclarationStatus.Issuance issuance = p.issuance() == null && p.issuanceHistory().isEmpty() ? null
                : new DeclarationStatus.Issuance(p.issuance(), p.issuanceHistory());
        return new DeclarationStatus(p.declarationId(), p.supplierId(), p.referenceNumber(), p.destinationCountry(),
                p.intake(), p.declaration(), p.verification(), issuance, milestones, score, p.updatedAt(),
                p.currentFailure());
    }

    /** A page of declarations; {@code afterId} is the last id of the previous page. */
    public Page list(DeclarationFilter filter, String afterId, int limit) {
        List<DeclarationProjection> found = store.list(filter, afterId, limit + 1);
        boolean more = found.size() > limit;
        List<DeclarationSummary> items = found.stream().limit(limit).map(DeclarationSummary::of).toList();
        String last = more ? items.get(items.size() - 1).declarationId() : null;
        return new Page(items, last);
    }

    /** A page of the list and the id to continue after, null on the last page. */
    public record Page(List<DeclarationSummary> items, String continueAfter) {
    }

    /** The e-CO of an issued declaration. */
    public EcoResult eco(String declarationId) {
        Optional<DeclarationProjection> found = store.findDeclaration(declarationId);
        if (found.isEmpty()) {
            return new EcoResult.Unknown();
        }
        DeclarationProjection p = found.get();
        if (!p.issued()) {
            return new EcoResult.NotIssued(p.issuance() == null ? null : p.issuance().status());
        }
        IssuanceRecord i = p.issuance();
        VerificationRecord v = p.verification();
        return new EcoResult.Issued(new EcoDocument(p.declarationId(), i.certificateNumber(), i.serialNumber(),
                i.queryUrl(), i.qrToken(), i.changedAt(), v == null ? null : v.verificationCode(),
                v == null ? null : v.aswReference(), p.declaration()));
    }

    /** What the importer's retrieval finds. */
    public sealed interface EcoResult {
        /** No such declaration. */
        record Unknown() implements EcoResult {
        }

        /** Known but not issued (status null when CCPIT has not reported yet). */
        record NotIssued(String status) implements EcoResult {
        }

        /** Issued: the e-CO. */
        record Issued(EcoDocument eco) implements EcoResult {
        }
    }

    /** The public verification of a reference number with a verification code; empty when the reference is unknown. */
    public Optional<VerificationReport> verify(String referenceNumber, String code) {
        return store.findByReferenceNumber(referenceNumber)
                .map(p -> PublicVerification.decide(p, code, verificationCodes.check(code)));
    }

    /**
     * Checks a dynamic QR token: its signature, type and expiry first; then the e-CO it names
     * (claim {@code declarationId}, else the subject; a token without either must be the one
     * stored for an e-CO) must exist, and a {@code certificateNumber} claim must match it.
     * Tokens are short-lived and re-issued, so a fresh token need not be the stored one.
     */
    public QrCheck checkQr(String token) {
        TokenCheck.Result signature = qrTokens.check(token);
        if (!signature.valid()) {
            return QrCheck.invalid("QR token refused: " + signature.reason());
        }
        String declarationId = claim(signature, "declarationId");
        if (declarationId == null) {
            declarationId = claim(signature, "sub");
        }
        Optional<DeclarationProjection> found = declarationId != null ? store.findDeclaration(declarationId)
                : store.findByQrToken(token).filter(p -> MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                        p.issuance().qrToken().getBytes(StandardCharsets.UTF_8)));
        if (found.isEmpty() || found.get().issuance() == null || found.get().issuance().certificateNumber() == null) {
            return QrCheck.invalid("no e-CO is known for this QR token");
        }
        DeclarationProjection p = found.get();
        IssuanceRecord i = p.issuance();
        String certificate = claim(signature, "certificateNumber");
        if (certificate != null && !certificate.equals(i.certificateNumber())) {
            return QrCheck.invalid("the QR token names another certificate");
        }
        String exporter = p.declaration() == null || p.declaration().exporter() == null ? null
                : p.declaration().exporter().name();
        boolean issued = IssuanceRecord.ISSUED.equals(i.status());
        return new QrCheck(issued, issued ? null : "e-CO status is " + i.status(), i.certificateNumber(),
                p.referenceNumber(), exporter, p.destinationCountry(), i.status(), i.changedAt(), i.queryUrl());
    }

    private static String claim(TokenCheck.Result result, String name) {
        Object value = result.claims().get(name);
        return value == null ? null : value.toString();
    }
}
