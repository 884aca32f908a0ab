package org.originbridge.ccpit.adapter.http;

import java.time.Instant;

import org.originbridge.ccpit.config.CcpitProperties;
import org.originbridge.ccpit.domain.EcoApplication;
import org.originbridge.ccpit.domain.EcoIssuance;
import org.originbridge.ccpit.domain.QrTokens;
import org.originbridge.platform.errors.Problems;
import org.originbridge.platform.qr.QrCodes;
import org.originbridge.platform.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Issuance status and the dynamic QR code of a declaration's e-CO (scope eco.read), for the exporter
 * or provider acting for the declaration's tenant, or an operator; for anyone else the declaration
 * is unknown (404). The QR token is signed once per issued
 * certificate and stays the same.
 */
@RestController
public class DeclarationQrController {

    /** A fresh QR token and what it encodes. */
    public record QrView(String declarationId, String certificateNumber, String status, String token,
            Instant expiresAt, String verificationUrl) {
    }

    /** The tracked application as it is now. */
    public record IssuanceView(String declarationId, String supplierId, String issuingAuthority, String applicationId,
            String status, String previousStatus, int sequence, String certificateNumber, String serialNumber,
            String queryUrl, String authorityVerificationCode, String documentSha256, String reason, Instant changedAt) {
    }

    private final EcoIssuance issuance;
    private final int qrSize;

    public DeclarationQrController(EcoIssuance issuance, CcpitProperties properties) {
        this.issuance = issuance;
        this.qrSize = properties.qr().size();
    }

    @GetMapping("/api/v1/declarations/{declarationId}/issuance")
    public ResponseEntity<?> issuance(@PathVariable String declarationId, Caller caller) {
        return issuance.find(declarationId).filter(a -> caller.reads(a.supplierId())).<ResponseEntity<?>>map(a -> ResponseEntity.ok(view(a)))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "no e-CO application for declaration " + declarationId));
    }

    @GetMapping("/api/v1/declarations/{declarationId}/qr")
    public ResponseEntity<QrView> qr(@PathVariable String declarationId, Caller caller) {
        requireTenant(declarationId, caller);
        QrTokens.QrToken token = issuance.qrToken(declarationId);
        EcoApplication a = issuance.find(declarationId).orElseThrow();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new QrView(declarationId, a.certificateNumber(), a.status().name(), token.token(),
                        token.expiresAt(), token.verificationUrl()));
    }

    @GetMapping(path = "/api/v1/declarations/{declarationId}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    public ResponseEntity<byte[]> qrPng(@PathVariable String declarationId, Caller caller) {
        requireTenant(declarationId, caller);
        QrTokens.QrToken token = issuance.qrToken(declarationId);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG)
                .body(QrCodes.png(token.verificationUrl(), qrSize));
    }

    /**
     * The issued certificate's document exactly as the issuing authority served it (PDF or XML, its media type;
     * its SHA-256 is the ISSUED event's {@code documentSha256}), for the declaration's tenant, an operator, or the
     * importer the declaration names ({@code importer.identifier} = the token's {@code ob_importer}); 404 for anyone
     * else or when unknown, 409 before it was retrieved (not issued yet).
     */
    @GetMapping("/api/v1/declarations/{declarationId}/certificate-document")
    public ResponseEntity<?> certificateDocument(@PathVariable String declarationId, Caller caller) {
        String unknown = "no e-CO application for declaration " + declarationId;
        EcoApplication application = issuance.find(declarationId).orElse(null);
        if (application == null || !(caller.reads(application.supplierId()) || isImporterOf(application, caller))) {
            return problem(HttpStatus.NOT_FOUND, unknown);
        }
        return issuance.document(declarationId).<ResponseEntity<?>>map(d -> ResponseEntity.ok()
                        .cacheControl(CacheControl.noStore())
                        .contentType(MediaType.parseMediaType(d.contentType()))
                        .header("Content-Disposition", "attachment; filename=\"" + fileName(application, d) + "\"")
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Digest-SHA256", d.sha256())
                        .body(d.content()))
                .orElseGet(() -> problem(HttpStatus.CONFLICT, "declaration " + declarationId
                        + " has no retrieved certificate document yet (status " + application.status() + ")"));
    }

    private static boolean isImporterOf(EcoApplication application, Caller caller) {
        String importer = application.request().importerId();
        return caller.role() == Caller.Role.IMPORTER && importer != null && !importer.isBlank()
                && importer.equals(caller.importerId());
    }

    /** {@code <certificate number>.pdf|.xml}, with anything but [A-Za-z0-9._-] replaced. */
    private static String fileName(EcoApplication a, org.originbridge.ccpit.domain.CertificateDocument d) {
        String base = a.certificateNumber() == null ? a.declarationId() : a.certificateNumber();
        String extension = d.contentType().contains("pdf") ? ".pdf" : ".xml";
        return base.replaceAll("[^A-Za-z0-9._-]", "_") + extension;
    }

    /** Another tenant's declaration answers as an unknown one. */
    private void requireTenant(String declarationId, Caller caller) {
        if (issuance.find(declarationId).filter(a -> caller.reads(a.supplierId())).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no e-CO application for declaration " + declarationId);
        }
    }

    @ExceptionHandler(EcoIssuance.NoCertificate.class)
    ResponseEntity<ProblemDetail> noCertificate(EcoIssuance.NoCertificate e) {
        return problem(e.unknownDeclaration() ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT,
                e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return Problems.response(Problems.of(status, status.getReasonPhrase(), detail));
    }

    private static IssuanceView view(EcoApplication a) {
        return new IssuanceView(a.declarationId(), a.supplierId(), a.authorityId(), a.applicationId(), a.status().name(),
                a.previousStatus() == null ? null : a.previousStatus().name(), a.sequence(), a.certificateNumber(),
                a.serialNumber(), a.queryUrl(), a.hasCertificate() ? a.verificationCode() : null,
                a.hasCertificate() ? a.documentSha256() : null, a.reason(), a.changedAt());
    }
}
