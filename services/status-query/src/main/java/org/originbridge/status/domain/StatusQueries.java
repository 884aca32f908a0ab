package org.originbridge.status.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.originbridge.origin.consistency.ConsistencyReport;
import org.originbridge.platform.signing.ShortCode;
import org.originbridge.status.domain.route.DeliveryRoute;
import org.originbridge.status.domain.route.PortDirectory;
import org.originbridge.status.domain.route.RouteBuilder;

/** The use cases of the read side. */
public final class StatusQueries {

    private final StatusReadStore store;
    private final TokenCheck verificationCodes;
    private final TokenCheck qrTokens;
    private final Clock clock;
    private final String ccpitSyncUrl;
    private final RouteBuilder routes = new RouteBuilder(PortDirectory.shipped());
    private final Consistency consistency = new Consistency(PortDirectory.shipped());

    public StatusQueries(StatusReadStore store, TokenCheck verificationCodes, TokenCheck qrTokens, Clock clock) {
        this(store, verificationCodes, qrTokens, clock, null);
    }

    /** @param ccpitSyncUrl where ccpit-sync serves certificate documents (null: the status view links none) */
    public StatusQueries(StatusReadStore store, TokenCheck verificationCodes, TokenCheck qrTokens, Clock clock,
            String ccpitSyncUrl) {
        this.ccpitSyncUrl = ccpitSyncUrl == null ? null : ccpitSyncUrl.replaceAll("/+$", "");
        this.store = store;
        this.verificationCodes = verificationCodes;
        this.qrTokens = qrTokens;
        this.clock = clock;
    }

    /** The consolidated status, or empty when no topic has mentioned the declaration or the reader may not see it. */
    public Optional<DeclarationStatus> status(String declarationId, Reader reader) {
        return store.findDeclaration(declarationId).filter(reader::reads).map(this::consolidate);
    }

    /** The logistics events of the declaration's consignment that its exporter may see. */
    private List<LogisticsEvent> consignmentEvents(DeclarationProjection p) {
        return consignmentEvents(store, p);
    }

    /** The logistics events of the declaration's consignment that its exporter may see (also what {@link ConsistencyFacts} compares). */
    static List<LogisticsEvent> consignmentEvents(StatusReadStore store, DeclarationProjection p) {
        List<String> refs = References.of(p.declaration() == null ? null : p.declaration().consignment());
        // another exporter pushing events under this consignment's references is not shown (nor can it retract any)
        return refs.isEmpty() ? List.of() : store.logisticsEvents(refs).stream().filter(e -> e.visibleTo(p.supplierId()))
                .toList();
    }

    private DeliveryRoute route(DeclarationProjection p, List<LogisticsEvent> events) {
        DeclarationData.Consignment c = p.declaration() == null ? null : p.declaration().consignment();
        return routes.build(events, c == null ? null : c.portOfLoading(), c == null ? null : c.portOfDischarge(),
                clock.instant());
    }

    /**
     * The delivery route of a published declaration, for anyone holding its reference number and
     * code: shown only when the code passes the public verification's integrity check (the full
     * signed code or the short code), so an unknown reference and a wrong code both give empty.
     * Carries no importer, goods or party data: ports, times, vessel and voyage only.
     */
    public Optional<PublicRoute> publicRoute(String referenceNumber, String code) {
        VerificationReport report = verify(referenceNumber, code);
        if (!VerificationReport.VALID.equals(report.summary().documentIntegrity())) {
            return Optional.empty();
        }
        return store.findByReferenceNumber(referenceNumber)
                .map(p -> PublicRoute.of(p.referenceNumber(), route(p, consignmentEvents(p))));
    }

    private DeclarationStatus consolidate(DeclarationProjection p) {
        List<LogisticsEvent> events = consignmentEvents(p);
        List<LogisticsEvent> milestones = Milestones.visible(events);
        DeclarationStatus.Score score = p.supplierId() == null ? null : store.score(p.supplierId())
                .map(s -> new DeclarationStatus.Score(s.score(), s.band(), s.previousScore(), s.factors(), s.version(),
                        s.asOf(), s.validUntil(), s.source(),
                        s.validUntil() == null || s.validUntil().isAfter(clock.instant())))
                .orElse(null);
        DeclarationStatus.Issuance issuance = p.issuance() == null && p.issuanceHistory().isEmpty() ? null
                : new DeclarationStatus.Issuance(p.issuance(), p.issuanceHistory());
        return new DeclarationStatus(p.declarationId(), p.supplierId(), p.referenceNumber(), p.destinationCountry(),
                p.intake(), p.declaration(), p.verification(), issuance, milestones, score, p.updatedAt(),
                p.currentFailure(), route(p, events), consistency.report(p, milestones), certificateDocumentUrl(p));
    }

    /** ccpit-sync's certificate document of this declaration, once issued and retrieved (the id path-encoded). */
    private String certificateDocumentUrl(DeclarationProjection p) {
        IssuanceRecord i = p.issuance();
        if (ccpitSyncUrl == null || !p.issued() || i == null || i.documentSha256() == null) {
            return null;
        }
        return ccpitSyncUrl + "/api/v1/declarations/"
                + java.net.URLEncoder.encode(p.declarationId(), StandardCharsets.UTF_8).replace("+", "%20")
                + "/certificate-document";
    }

    /** A page of the declarations the reader may see; {@code afterId} is the last id of the previous page. */
    public Page list(DeclarationFilter filter, Reader reader, String afterId, int limit) {
        if (!reader.all() && reader.tenants().isEmpty()) {
            return new Page(List.of(), null);
        }
        List<DeclarationProjection> found = store.list(filter.readBy(reader), afterId, limit + 1);
        boolean more = found.size() > limit;
        List<DeclarationSummary> items = found.stream().limit(limit).map(DeclarationSummary::of).toList();
        String last = more ? items.get(items.size() - 1).declarationId() : null;
        return new Page(items, last);
    }

    /** A page of the list and the id to continue after, null on the last page. */
    public record Page(List<DeclarationSummary> items, String continueAfter) {
    }

    /** The e-CO of an issued declaration; unknown when the reader may not retrieve it. */
    public EcoResult eco(String declarationId, Reader reader) {
        Optional<DeclarationProjection> found = store.findDeclaration(declarationId).filter(reader::readsEco);
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
                v == null ? null : v.aswReference(), p.declaration(), v == null ? null : v.shortCode()));
    }

    /**
     * The e-COs addressed to the reader as importer (the declaration's importer party names its
     * importer id), most recently updated first, issued or not; empty for a reader who is not an
     * importer. Each is filtered through {@link Reader#readsEco} again, so the store's query is
     * never the only guard.
     */
    public List<EcoListItem> ecosAddressedTo(Reader reader, int limit) {
        if (reader.importerId() == null) {
            return List.of();
        }
        return store.addressedTo(reader.importerId(), limit).stream().filter(reader::readsEco)
                .map(EcoListItem::of).toList();
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

    /**
     * The public verification of a reference number with a code: the full verification code (a
     * compact JWS) or the short code (read case-insensitively, spaces and hyphens ignored). An
     * unknown reference number answers exactly like a known one with a wrong code (the same report,
     * the same reason), so the entry cannot be used to discover reference numbers.
     */
    public VerificationReport verify(String referenceNumber, String code) {
        return verify(referenceNumber, code, () -> store.findByReferenceNumber(referenceNumber));
    }

    /** {@link #verify} reading the declaration through {@code find} (at most once). */
    private VerificationReport verify(String referenceNumber, String code, Supplier<Optional<DeclarationProjection>> find) {
        String presented = code.trim();
        if (presented.indexOf('.') < 0) {
            return verifyShortCode(referenceNumber, presented, find);
        }
        TokenCheck.Result check = verificationCodes.check(presented);
        return find.get()
                .map(p -> PublicVerification.decide(p, presented, check))
                .orElseGet(() -> PublicVerification.refused(referenceNumber,
                        check.valid() ? PublicVerification.NO_MATCH : "verification code refused: " + check.reason()));
    }

    /**
     * {@link #verify} with the facts a verification page prints next to the result (see
     * {@link PublicVerificationView}); they are read only when the code matched.
     */
    public PublicVerificationView verifyForDisplay(String referenceNumber, String code) {
        // one read of the declaration for the report and its facts, so that they always agree
        AtomicReference<Optional<DeclarationProjection>> read = new AtomicReference<>();
        Supplier<Optional<DeclarationProjection>> once = () -> read.updateAndGet(
                r -> r != null ? r : store.findByReferenceNumber(referenceNumber));
        VerificationReport report = verify(referenceNumber, code, once);
        if (!VerificationReport.VALID.equals(report.summary().documentIntegrity())) {
            return new PublicVerificationView(report, null, null, null, null);
        }
        Optional<DeclarationProjection> found = once.get();
        VerificationRecord v = found.map(DeclarationProjection::verification).orElse(null);
        IssuanceRecord i = found.map(DeclarationProjection::issuance).orElse(null);
        DeclarationData d = found.map(DeclarationProjection::declaration).orElse(null);
        ConsistencyReport checked = found.map(p -> consistency.report(p, Milestones.visible(consignmentEvents(p))))
                .orElse(null);
        return new PublicVerificationView(report, v == null ? null : v.shortCode(),
                i == null || !IssuanceRecord.ISSUED.equals(i.status()) ? null : i.certificateNumber(),
                d == null ? null : d.issuingBody(), checked == null ? null : checked.publicLine());
    }

    private VerificationReport verifyShortCode(String referenceNumber, String presented,
            Supplier<Optional<DeclarationProjection>> find) {
        Optional<String> shortCode = ShortCode.normalise(presented);
        if (shortCode.isEmpty()) {
            // says nothing about the reference: the code itself is malformed (length, symbols, check character)
            return PublicVerification.refused(referenceNumber,
                    "the code is neither a verification code nor a well-formed short code (11 characters, last one a check character)");
        }
        byte[] wanted = shortCode.get().getBytes(StandardCharsets.UTF_8);
        Optional<DeclarationProjection> match = find.get()
                .filter(p -> p.verification() != null && p.verification().shortCode() != null
                        && p.verification().verificationCode() != null)
                .filter(p -> MessageDigest.isEqual(wanted, p.verification().shortCode().getBytes(StandardCharsets.UTF_8)));
        if (match.isEmpty()) {
            return PublicVerification.refused(referenceNumber, PublicVerification.NO_MATCH);
        }
        String token = match.get().verification().verificationCode();
        return PublicVerification.decide(match.get(), token, verificationCodes.check(token));
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
