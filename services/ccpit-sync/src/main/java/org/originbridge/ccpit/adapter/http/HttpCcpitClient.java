package org.originbridge.ccpit.adapter.http;

import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.originbridge.ccpit.domain.ApplicantCredential;
import org.originbridge.ccpit.domain.AuthorityApplicationState;
import org.originbridge.ccpit.domain.CertificateDocument;
import org.originbridge.ccpit.domain.CoApplication;
import org.originbridge.ccpit.domain.IssuingAuthorityClient;
import org.originbridge.ccpit.domain.EcoRequest;
import org.originbridge.ccpit.domain.IssuanceStatus;
import org.originbridge.platform.resilience.ExternalCall;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * China's issuing authority (CN-CCPIT): the CCPIT origin platform over HTTP (contract: the sandbox's /openapi/ccpit.yaml), every call
 * under the applicant's own bearer token (static, or from its OAuth2 client) and {@code X-Applicant-Id}, through {@link ExternalCall}
 * (bounded retries with backoff, circuit breaker). {@code Idempotency-Key} = declaration id.
 */
public class HttpCcpitClient implements IssuingAuthorityClient {

    public static final String APPLICANT_HEADER = "X-Applicant-Id";
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Submission(String applicationId, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Application(String applicationId, String declarationId, String status, String certificateNumber,
            String serialNumber, String queryUrl, String verificationCode, String reason) {
    }

    /**
     * The application: the five fields of CCPIT's first contract, then the full Annex 3B content (the sandbox's
     * /openapi/ccpit.yaml).
     */
    record ApplicationRequest(String declarationId, String coReferenceNumber, String exporterName,
            String importingCountry, List<String> hsCodes, AuthorityWire.Trader exporter, AuthorityWire.Trader producer,
            AuthorityWire.Trader consignee, AuthorityWire.Transport transport, List<AuthorityWire.Item> goods,
            AuthorityWire.Declarant declarant, String remarks) {

        static ApplicationRequest of(EcoRequest r) {
            CoApplication a = r.application();
            return new ApplicationRequest(r.declarationId(), r.coReferenceNumber(), r.exporterName(), r.importingCountry(),
                    r.hsCodes(), AuthorityWire.trader(a.exporter()), AuthorityWire.trader(a.producer()),
                    AuthorityWire.trader(a.consignee()), AuthorityWire.transport(a.transport()), AuthorityWire.goods(a),
                    AuthorityWire.declarant(a.declarant()), a.remarks());
        }
    }

    private final RestClient http;
    private final ExternalCall call;

    public HttpCcpitClient(RestClient http, ExternalCall call) {
        this.http = http;
        this.call = call;
    }

    @Override
    public AuthorityApplicationState submit(ApplicantCredential credential, EcoRequest request) {
        Submission submitted = resilient("submit", () -> http.post().uri("/ccpit/v1/applications")
                .headers(h -> authorize(h, credential))
                .header(IDEMPOTENCY_HEADER, request.declarationId())
                .contentType(MediaType.APPLICATION_JSON)
                .body(ApplicationRequest.of(request))
                .retrieve().body(Submission.class));
        if (submitted == null || submitted.applicationId() == null) {
            throw new Unavailable("CCPIT answered the submission without an applicationId", null);
        }
        return AuthorityApplicationState.submitted(submitted.applicationId(), status(submitted.status()));
    }

    @Override
    public AuthorityApplicationState fetch(ApplicantCredential credential, String applicationId) {
        Application a = resilient("status", () -> http.get().uri("/ccpit/v1/applications/{id}", applicationId)
                .headers(h -> authorize(h, credential))
                .retrieve().body(Application.class));
        if (a == null) {
            throw new Unavailable("CCPIT answered the status query of " + applicationId + " without a body", null);
        }
        return new AuthorityApplicationState(applicationId, status(a.status()), a.certificateNumber(), a.serialNumber(),
                a.queryUrl(), a.verificationCode(), a.reason());
    }

    @Override
    public CertificateDocument document(ApplicantCredential credential, String applicationId) {
        return AuthorityWire.document("CCPIT", resilient("document", () -> http.get()
                .uri("/ccpit/v1/applications/{id}/certificate", applicationId)
                .headers(h -> authorize(h, credential))
                .accept(MediaType.APPLICATION_PDF, MediaType.APPLICATION_XML)
                .retrieve().toEntity(byte[].class)));
    }

    /**
     * The applicant's id, and its static token if it has one; otherwise the RestClient's OAuth2
     * interceptor adds a token of that applicant's own client registration (resolved from
     * {@code X-Applicant-Id}, see CcpitRestClient).
     */
    private static void authorize(HttpHeaders headers, ApplicantCredential credential) {
        headers.set(APPLICANT_HEADER, credential.applicantId());
        if (credential.hasStaticToken()) {
            headers.setBearerAuth(credential.token());
        }
    }

    private <T> T resilient(String operation, Supplier<T> request) {
        return AuthorityWire.resilient(call, operation, request);
    }

    private static IssuanceStatus status(String wire) {
        if (wire != null) {
            switch (wire) {
                case "SUBMITTED", "UNDER_REVIEW", "ISSUED", "REJECTED", "REVOKED" -> {
                    return IssuanceStatus.valueOf(wire);
                }
                default -> {
                }
            }
        }
        throw new Unavailable("CCPIT answered an unknown application status: " + wire, null);
    }
}
