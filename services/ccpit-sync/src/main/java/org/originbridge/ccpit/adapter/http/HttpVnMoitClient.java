package org.originbridge.ccpit.adapter.http;

import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.originbridge.ccpit.domain.ApplicantCredential;
import org.originbridge.ccpit.domain.AuthorityApplicationState;
import org.originbridge.ccpit.domain.CertificateDocument;
import org.originbridge.ccpit.domain.CoApplication;
import org.originbridge.ccpit.domain.EcoRequest;
import org.originbridge.ccpit.domain.IssuanceStatus;
import org.originbridge.ccpit.domain.IssuingAuthorityClient;
import org.originbridge.platform.resilience.ExternalCall;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Viet Nam's issuing authority (VN-MOIT): the Ministry of Industry and Trade's eCoSys-style e-CO service over HTTP
 * (contract: the sandbox's /openapi/vn-moit.yaml). Every call carries the exporting enterprise's own bearer token and
 * {@code X-Enterprise-Code} (our supplierId); a submission carries {@code Idempotency-Key} = declaration id. Its dossier
 * states map onto ours: RECEIVED -> SUBMITTED, PROCESSING -> UNDER_REVIEW, APPROVED -> ISSUED, REFUSED -> REJECTED,
 * REVOKED -> REVOKED.
 */
public class HttpVnMoitClient implements IssuingAuthorityClient {

    public static final String ENTERPRISE_HEADER = "X-Enterprise-Code";
    /** RCEP's certificate form at MOIT ("Form RCEP"). */
    static final String FORM_TYPE = "RCEP";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Receipt(String dossierId, String state) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Dossier(String dossierId, String state, String coNumber, String serialNumber, String verificationCode,
            String lookupUrl, String refusalReason) {
    }

    record CoForm(String formType, String declarationId, String exporterReference, AuthorityWire.Trader exporter,
            AuthorityWire.Trader producer, AuthorityWire.Trader consignee, String importingCountry,
            AuthorityWire.Transport transport, List<AuthorityWire.Item> goods, AuthorityWire.Declarant declarant,
            String remarks) {

        static CoForm of(EcoRequest r) {
            CoApplication a = r.application();
            return new CoForm(FORM_TYPE, r.declarationId(), a.referenceNumber(), AuthorityWire.trader(a.exporter()),
                    AuthorityWire.trader(a.producer()), AuthorityWire.trader(a.consignee()), a.importingCountry(),
                    AuthorityWire.transport(a.transport()), AuthorityWire.goods(a), AuthorityWire.declarant(a.declarant()),
                    a.remarks());
        }
    }

    private final RestClient http;
    private final ExternalCall call;

    public HttpVnMoitClient(RestClient http, ExternalCall call) {
        this.http = http;
        this.call = call;
    }

    @Override
    public AuthorityApplicationState submit(ApplicantCredential credential, EcoRequest request) {
        Receipt receipt = resilient("submit", () -> http.post().uri("/vn-moit/ecosys/v1/co-applications")
                .header(ENTERPRISE_HEADER, credential.applicantId())
                .headers(h -> h.setBearerAuth(token(credential)))
                .header("Idempotency-Key", request.declarationId())
                .contentType(MediaType.APPLICATION_JSON)
                .body(CoForm.of(request))
                .retrieve().body(Receipt.class));
        if (receipt == null || receipt.dossierId() == null) {
            throw new Unavailable("VN-MOIT answered the submission without a dossierId", null);
        }
        return AuthorityApplicationState.submitted(receipt.dossierId(), status(receipt.state()));
    }

    @Override
    public AuthorityApplicationState fetch(ApplicantCredential credential, String applicationId) {
        Dossier d = resilient("status", () -> http.get().uri("/vn-moit/ecosys/v1/co-applications/{id}", applicationId)
                .header(ENTERPRISE_HEADER, credential.applicantId())
                .headers(h -> h.setBearerAuth(token(credential)))
                .retrieve().body(Dossier.class));
        if (d == null) {
            throw new Unavailable("VN-MOIT answered the status query of " + applicationId + " without a body", null);
        }
        return new AuthorityApplicationState(applicationId, status(d.state()), d.coNumber(), d.serialNumber(),
                d.lookupUrl(), d.verificationCode(), d.refusalReason());
    }

    @Override
    public CertificateDocument document(ApplicantCredential credential, String applicationId) {
        return AuthorityWire.document("VN-MOIT", resilient("document", () -> http.get()
                .uri("/vn-moit/ecosys/v1/co-applications/{id}/certificate", applicationId)
                .header(ENTERPRISE_HEADER, credential.applicantId())
                .headers(h -> h.setBearerAuth(token(credential)))
                .accept(MediaType.APPLICATION_XML, MediaType.APPLICATION_PDF)
                .retrieve().toEntity(byte[].class)));
    }

    /** MOIT issues each enterprise a static API token (no OAuth2 client per enterprise in this contract). */
    private static String token(ApplicantCredential credential) {
        if (!credential.hasStaticToken()) {
            throw new Refused("VN-MOIT needs the enterprise's static token (VN_MOIT_APPLICANT_TOKENS)");
        }
        return credential.token();
    }

    private <T> T resilient(String operation, Supplier<T> request) {
        return AuthorityWire.resilient(call, operation, request);
    }

    static IssuanceStatus status(String wire) {
        if (wire != null) {
            switch (wire) {
                case "RECEIVED" -> {
                    return IssuanceStatus.SUBMITTED;
                }
                case "PROCESSING" -> {
                    return IssuanceStatus.UNDER_REVIEW;
                }
                case "APPROVED" -> {
                    return IssuanceStatus.ISSUED;
                }
                case "REFUSED" -> {
                    return IssuanceStatus.REJECTED;
                }
                case "REVOKED" -> {
                    return IssuanceStatus.REVOKED;
                }
                default -> {
                }
            }
        }
        throw new Unavailable("VN-MOIT answered an unknown dossier state: " + wire, null);
    }
}
