package org.originbridge.ccpit.adapter.kafka;

import java.time.Duration;

import org.originbridge.ccpit.adapter.document.CertificateContentReader;
import org.originbridge.ccpit.domain.CertificateDocuments;
import org.originbridge.ccpit.domain.EcoApplication;
import org.originbridge.ccpit.domain.StatusPublisher;
import org.originbridge.events.ccpit.IssuanceStatus;
import org.originbridge.events.ccpit.IssuanceStatusChanged;
import org.originbridge.events.ccpit.IssuedCertificateContent;
import org.originbridge.platform.Topics;
import org.originbridge.platform.kafka.AcknowledgedSend;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes IssuanceStatusChanged to {@code eco-issuance-status} (key = declaration id), waiting at most
 * {@code timeout} for the broker's acknowledgement: a failed or timed-out send throws, so the listener's
 * record is retried (then dead-lettered) and a poller round leaves the change pending for a re-send.
 * Once the certificate is issued, each event carries {@code issuedContent}: what the retrieved certificate
 * document states ({@link CertificateContentReader}), the consistency report's view of the issued e-CO.
 */
public class KafkaStatusPublisher implements StatusPublisher {

    private final KafkaTemplate<String, Object> template;
    private final Duration timeout;
    private final CertificateDocuments documents;

    public KafkaStatusPublisher(KafkaTemplate<String, Object> template, Duration timeout) {
        this(template, timeout, null);
    }

    /** {@code documents}: where the retrieved certificate documents are read from (null: no issuedContent). */
    public KafkaStatusPublisher(KafkaTemplate<String, Object> template, Duration timeout, CertificateDocuments documents) {
        this.template = template;
        this.timeout = timeout;
        this.documents = documents;
    }

    @Override
    public void publish(EcoApplication a, String qrToken) {
        IssuedCertificateContent content = documents == null || !a.hasCertificate() ? null
                : documents.find(a.declarationId()).flatMap(CertificateContentReader::read).orElse(null);
        IssuanceStatusChanged event = toEvent(a, qrToken, content);
        AcknowledgedSend.send(template, Topics.Catalogue.ECO_ISSUANCE_STATUS, a.declarationId(), event, timeout);
    }

    static IssuanceStatusChanged toEvent(EcoApplication a, String qrToken) {
        return toEvent(a, qrToken, null);
    }

    static IssuanceStatusChanged toEvent(EcoApplication a, String qrToken, IssuedCertificateContent content) {
        return IssuanceStatusChanged.newBuilder()
                .setDeclarationId(a.declarationId())
                .setSupplierId(a.supplierId())
                .setReferenceNumber(a.request().coReferenceNumber())
                .setApplicationId(a.applicationId())
                .setStatus(IssuanceStatus.valueOf(a.status().name()))
                .setPreviousStatus(a.previousStatus() == null ? null : IssuanceStatus.valueOf(a.previousStatus().name()))
                .setSequence(a.sequence())
                .setCertificateNumber(a.certificateNumber())
                .setSerialNumber(a.serialNumber())
                .setQueryUrl(a.queryUrl())
                .setQrToken(qrToken)
                .setReason(a.reason())
                .setIssuingAuthority(a.authorityId())
                .setAuthorityVerificationCode(a.hasCertificate() ? a.verificationCode() : null)
                .setDocumentSha256(a.hasCertificate() ? a.documentSha256() : null)
                .setIssuedContent(content)
                .setChangedAt(a.changedAt())
                // the declaration's exporter tenant is its supplierId (docs/security.md)
                .setTenantId(a.supplierId())
                .build();
    }
}
