package org.originbridge.sandbox.ccpit;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.originbridge.sandbox.auth.PartyAuthorization;
import org.originbridge.sandbox.issuing.AnnexContent;
import org.originbridge.sandbox.ledger.CallLedger;
import org.originbridge.sandbox.web.BadRequestException;
import org.originbridge.sandbox.web.FieldError;
import org.originbridge.sandbox.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * CCPIT origin platform: submit an application, follow its status, revoke (for tests), and the
 * public certificate lookup. Contract: /openapi/ccpit.yaml. Authentication (the applicant's own
 * token matching {@code X-Applicant-Id}) is checked by {@link PartyAuthorization}.
 */
@RestController
@RequestMapping("/ccpit/v1")
public class CcpitController {

    public record SubmissionView(String applicationId, ApplicationStatus status) {}

    /** Absent fields (certificate before issue, reason unless rejected/revoked) are left out of the JSON. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApplicationView(
            String applicationId,
            String declarationId,
            ApplicationStatus status,
            String certificateNumber,
            String serialNumber,
            String queryUrl,
            String verificationCode,
            String reason,
            Instant updatedAt) {}

    public record CertificateView(
            String certificateNumber,
            ApplicationStatus status,
            String exporterName,
            String importingCountry,
            List<String> hsCodes,
            String serialNumber,
            Instant updatedAt) {}

    public record RevokeRequest(String reason) {}

    private final CcpitRegistry registry;
    private final CallLedger ledger;

    public CcpitController(CcpitRegistry registry, CallLedger ledger) {
        this.registry = registry;
        this.ledger = ledger;
    }

    @PostMapping("/applications")
    public ResponseEntity<SubmissionView> submit(
            @RequestHeader(PartyAuthorization.APPLICANT_HEADER) String applicantId,
            @RequestHeader("Idempotency-Key") String idempotencyKey,
            @Valid @RequestBody ApplicationRequest request) {
        if (!idempotencyKey.equals(request.declarationId())) {
            throw new BadRequestException("Idempotency-Key", "must equal declarationId");
        }
        refuseWhatCcpitWouldNot(request);
        ledger.record(CallLedger.Party.CCPIT, request.declarationId(), idempotencyKey);
        CcpitRegistry.Submission submission = registry.submit(applicantId.trim(), idempotencyKey, request);
        Application application = submission.application();
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/ccpit/v1/applications/{id}").build(application.applicationId());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(location)
                .header("Idempotent-Replayed", Boolean.toString(submission.replayed()))
                .body(new SubmissionView(application.applicationId(), application.status()));
    }

    @GetMapping("/applications/{applicationId}")
    public ApplicationView application(
            @RequestHeader(PartyAuthorization.APPLICANT_HEADER) String applicantId, @PathVariable String applicationId) {
        return view(registry.get(applicantId.trim(), applicationId));
    }

    @PostMapping("/applications/{applicationId}/revoke")
    public ApplicationView revoke(
            @RequestHeader(PartyAuthorization.APPLICANT_HEADER) String applicantId,
            @PathVariable String applicationId,
            @RequestBody(required = false) RevokeRequest request) {
        return view(registry.revoke(applicantId.trim(), applicationId, request == null ? null : request.reason()));
    }

    /** The issued certificate document (XML; also after revocation); 409 before it is issued. */
    @GetMapping(path = "/applications/{applicationId}/certificate", produces = MediaType.APPLICATION_XML_VALUE)
    public ResponseEntity<byte[]> certificateDocument(
            @RequestHeader(PartyAuthorization.APPLICANT_HEADER) String applicantId, @PathVariable String applicationId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(registry.certificate(applicantId.trim(), applicationId));
    }

    /**
     * CCPIT issues Chinese certificates only: an exporter of another country is refused; an item under RVC needs its
     * FOB value (Annex 3B (k)). Field checks (description, 6-digit HS code, quantity) are the request's bean validation.
     */
    static void refuseWhatCcpitWouldNot(ApplicationRequest request) {
        List<FieldError> errors = new ArrayList<>(AnnexContent.rvcWithoutFob(request.goods()));
        if (request.exporter() != null && request.exporter().country() != null && !"CN".equals(request.exporter().country())) {
            errors.add(new FieldError("exporter.country", "CCPIT issues certificates of origin for exporters in China only"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
    }

    /** Public lookup by certificate number and verification code (no token, as on the printed certificate's site). */
    @GetMapping("/certificates/{certificateNumber}")
    public CertificateView certificate(@PathVariable String certificateNumber, @RequestParam String verificationCode) {
        Application a = registry.lookup(certificateNumber, verificationCode)
                .orElseThrow(() -> new NotFoundException("no certificate " + certificateNumber + " with this verification code"));
        return new CertificateView(a.certificateNumber(), a.status(), a.exporterName(), a.importingCountry(), a.hsCodes(),
                a.serialNumber(), a.updatedAt());
    }

    private static ApplicationView view(Application a) {
        boolean certificate = a.certificateVisible();
        // the public lookup needs the verification code as well (as on the printed certificate): the URL carries it,
        // so following queryUrl answers the certificate instead of 400
        String queryUrl = certificate
                ? ServletUriComponentsBuilder.fromCurrentContextPath().path("/ccpit/v1/certificates/{n}")
                        .queryParam("verificationCode", "{c}")
                        .build(a.certificateNumber(), a.verificationCode()).toString()
                : null;
        return new ApplicationView(
                a.applicationId(),
                a.declarationId(),
                a.status(),
                certificate ? a.certificateNumber() : null,
                a.serialNumber(),
                queryUrl,
                certificate ? a.verificationCode() : null,
                a.reason(),
                a.updatedAt());
    }
}
