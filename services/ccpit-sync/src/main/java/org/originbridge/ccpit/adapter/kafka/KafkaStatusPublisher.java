package org.originbridge.ccpit.adapter.kafka;

import java.time.Duration;

import org.originbridge.ccpit.domain.EcoApplication;
import org.originbridge.ccpit.domain.StatusPublisher;
import org.originbridge.events.ccpit.IssuanceStatus;
import org.originbridge.events.ccpit.IssuanceStatusChanged;
import org.originbridge.platform.Topics;
import org.originbridge.platform.kafka.AcknowledgedSend;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes IssuanceStatusChanged to {@code eco-issuance-status} (key = declaration id), waiting at most
 * {@code timeout} for the broker's acknowledgement: a failed or timed-out send throws, so the listener's
 * record is retried (then dead-lettered) and a poller round leaves the change pending for a re-send.
 */
public class KafkaStatusPublisher implements StatusPublisher {

    private final KafkaTemplate<String, Object> template;
    private final Duration timeout;

    public KafkaStatusPublisher(KafkaTemplate<String, Object> template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
    }

    @Override
    public void publish(EcoApplication a, String qrToken) {
        IssuanceStatusChanged event = toEvent(a, qrToken);
        AcknowledgedSend.send(template, Topics.Catalogue.ECO_ISSUANCE_STATUS, a.declarationId(), event, timeout);
    }

    static IssuanceStatusChanged toEvent(EcoApplication a, String qrToken) {
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
                .setChangedAt(a.changedAt())
                // the declaration's exporter tenant is its supplierId (docs/security.md)
                .setTenantId(a.supplierId())
                .build();
    }
}
