package org.originbridge.sandbox.vnmoit;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.originbridge.sandbox.issuing.AnnexContent;
import org.originbridge.sandbox.web.BadRequestException;
import org.originbridge.sandbox.web.FieldError;
import org.originbridge.sandbox.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Viet Nam's issuing authority (VN-MOIT, the Ministry of Industry and Trade's eCoSys style): an enterprise files a
 * certificate-of-origin form, follows its dossier, downloads the approved certificate; anyone looks a certificate up
 * by its number and verification code. Contract: /openapi/vn-moit.yaml. Every call but the public lookup carries the
 * enterprise's own token ({@code Authorization: Bearer}) and {@code X-Enterprise-Code}; MOIT issues RCEP forms for
 * Vietnamese exporters only.
 */
@RestController
@RequestMapping("/vn-moit/ecosys/v1")
public class VnMoitController {

    public static final String ENTERPRISE_HEADER = "X-Enterprise-Code";
    /** The forms MOIT issues here: RCEP only (Form D, E, AK... are other agreements' and refused). */
    public static final String FORM_TYPE = "RCEP";

    public record Receipt(String dossierId, DossierState state) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DossierView(String dossierId, String declarationId, DossierState state, String coNumber,
            String serialNumber, String verificationCode, String lookupUrl, String refusalReason, Instant updatedAt) {}

    public record CertificateView(String coNumber, DossierState state, String exporterName, String importingCountry,
            List<String> hsCodes, Instant updatedAt) {}

    public record RevokeRequest(String reason) {}

    /** A call without the enterprise's own token. */
    static final class Unauthorized extends RuntimeException {
        Unauthorized(String message) {
            super(message);
        }
    }

    private final VnMoitRegistry registry;
    private final EnterpriseTokens enterpriseTokens;

    public VnMoitController(VnMoitRegistry registry, EnterpriseTokens enterpriseTokens) {
        this.registry = registry;
        this.enterpriseTokens = enterpriseTokens;
    }

    @PostMapping("/co-applications")
    public ResponseEntity<Receipt> submit(
            @RequestHeader(name = ENTERPRISE_HEADER, required = false) String enterprise,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody CoForm form) {
        String code = authenticate(enterprise, authorization);
        if (idempotencyKey == null || !idempotencyKey.equals(form.declarationId())) {
            throw new BadRequestException("Idempotency-Key", "is required and must equal declarationId");
        }
        refuseWhatMoitWouldNot(form);
        VnMoitRegistry.Submission submission = registry.submit(code, idempotencyKey, form);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/vn-moit/ecosys/v1/co-applications/{id}").build(submission.dossier().dossierId());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(location)
                .header("Idempotent-Replayed", Boolean.toString(submission.replayed()))
                .body(new Receipt(submission.dossier().dossierId(), submission.dossier().state()));
    }

    @GetMapping("/co-applications/{dossierId}")
    public DossierView dossier(
            @RequestHeader(name = ENTERPRISE_HEADER, required = false) String enterprise,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @PathVariable String dossierId) {
        return view(registry.get(authenticate(enterprise, authorization), dossierId));
    }

    @GetMapping(path = "/co-applications/{dossierId}/certificate", produces = MediaType.APPLICATION_XML_VALUE)
    public ResponseEntity<byte[]> certificate(
            @RequestHeader(name = ENTERPRISE_HEADER, required = false) String enterprise,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @PathVariable String dossierId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .body(registry.certificate(authenticate(enterprise, authorization), dossierId));
    }

    /** Tests and demos: MOIT revokes an approved certificate. */
    @PostMapping("/co-applications/{dossierId}/revoke")
    public DossierView revoke(
            @RequestHeader(name = ENTERPRISE_HEADER, required = false) String enterprise,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @PathVariable String dossierId, @RequestBody(required = false) RevokeRequest request) {
        return view(registry.revoke(authenticate(enterprise, authorization), dossierId,
                request == null ? null : request.reason()));
    }

    /** Public lookup by C/O number and verification code (no token), the target of {@code lookupUrl}. */
    @GetMapping("/public/certificates/{coNumber}")
    public CertificateView lookup(@PathVariable String coNumber, @RequestParam String verificationCode) {
        Dossier d = registry.lookup(coNumber, verificationCode)
                .orElseThrow(() -> new NotFoundException("no certificate " + coNumber + " with this verification code"));
        return new CertificateView(d.coNumber(), d.state(), d.form().exporter().name(), d.form().importingCountry(),
                d.form().goods().stream().map(AnnexContent.Item::hsCode).toList(), d.updatedAt());
    }

    /** MOIT issues Form RCEP for Vietnamese exporters only; an item under RVC needs its FOB value. */
    static void refuseWhatMoitWouldNot(CoForm form) {
        List<FieldError> errors = new ArrayList<>();
        if (!FORM_TYPE.equals(form.formType())) {
            errors.add(new FieldError("formType", "MOIT issues form " + FORM_TYPE + " here, not " + form.formType()));
        }
        if (!"VN".equals(form.exporter().country())) {
            errors.add(new FieldError("exporter.country", "MOIT issues certificates of origin for exporters in Viet Nam only"));
        }
        errors.addAll(AnnexContent.rvcWithoutFob(form.goods()));
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
    }

    /** The enterprise code whose own token the call carries (constant-time compare), else 401. */
    private String authenticate(String enterprise, String authorization) {
        if (enterprise == null || enterprise.isBlank()) {
            throw new BadRequestException(ENTERPRISE_HEADER, "header is required");
        }
        String code = enterprise.trim();
        String expected = enterpriseTokens.of(code).orElse(null);
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : "";
        if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8))) {
            throw new Unauthorized("MOIT accepts a form only from the registered enterprise itself: the bearer token must be "
                    + "the one issued to " + ENTERPRISE_HEADER);
        }
        return code;
    }

    @ExceptionHandler(Unauthorized.class)
    ResponseEntity<ProblemDetail> unauthorized(Unauthorized e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Bearer realm=\"vn-moit\"")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage()));
    }

    private static DossierView view(Dossier d) {
        boolean certificate = d.certificateVisible();
        String lookupUrl = certificate
                ? ServletUriComponentsBuilder.fromCurrentContextPath().path("/vn-moit/ecosys/v1/public/certificates/{n}")
                        .queryParam("verificationCode", "{c}").build(d.coNumber(), d.verificationCode()).toString()
                : null;
        return new DossierView(d.dossierId(), d.form().declarationId(), d.state(), certificate ? d.coNumber() : null,
                d.serialNumber(), certificate ? d.verificationCode() : null, lookupUrl, d.refusalReason(), d.updatedAt());
    }
}
