package org.originbridge.status.adapter.kafka;

import java.time.Duration;
import java.util.List;

import org.originbridge.events.consistency.ConsistencyFinding;
import org.originbridge.events.consistency.ConsistencyStatus;
import org.originbridge.events.consistency.DeclarationConsistencyChecked;
import org.originbridge.events.consistency.FindingSeverity;
import org.originbridge.events.consistency.FindingSource;
import org.originbridge.origin.consistency.ConsistencyReport;
import org.originbridge.origin.consistency.Finding;
import org.originbridge.platform.Topics;
import org.originbridge.platform.kafka.AcknowledgedSend;
import org.originbridge.status.domain.ConsistencyFact;
import org.originbridge.status.domain.ConsistencyPublisher;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a consistency report to {@code declaration-consistency} (key = declaration id) and waits for the broker's
 * acknowledgement (at most 10 s): a failed send throws, so the record that caused it is retried.
 */
@Component
public class KafkaConsistencyPublisher implements ConsistencyPublisher {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KafkaTemplate<String, Object> template;

    public KafkaConsistencyPublisher(KafkaTemplate<String, Object> template) {
        this.template = template;
    }

    @Override
    public void publish(ConsistencyFact fact) {
        AcknowledgedSend.send(template, Topics.Catalogue.DECLARATION_CONSISTENCY, fact.declarationId(), toAvro(fact),
                TIMEOUT);
    }

    /** The fact as its Avro record. */
    static DeclarationConsistencyChecked toAvro(ConsistencyFact fact) {
        ConsistencyReport r = fact.report();
        List<ConsistencyFinding> findings = r.findings().stream().map(KafkaConsistencyPublisher::finding).toList();
        return DeclarationConsistencyChecked.newBuilder().setDeclarationId(fact.declarationId())
                .setSupplierId(fact.supplierId()).setTenantId(fact.supplierId())
                .setReferenceNumber(fact.referenceNumber()).setStatus(ConsistencyStatus.valueOf(r.status().name()))
                .setCertificateCompared(r.certificateCompared()).setVoyageCompared(r.voyageCompared())
                .setFindings(findings).setPublicLine(r.publicLine() == null ? "" : r.publicLine())
                .setDeclarationHash(fact.declarationHash()).setIssuanceSequence(fact.issuanceSequence())
                .setVoyageEventIds(fact.voyageEventIds()).setReportHash(fact.reportHash())
                .setCheckedAt(fact.checkedAt()).build();
    }

    private static ConsistencyFinding finding(Finding f) {
        FindingSource source = f.aboutCertificate() ? FindingSource.E_CO
                : f.aboutVoyage() ? FindingSource.VOYAGE : FindingSource.UNKNOWN;
        return ConsistencyFinding.newBuilder().setCheckId(f.checkId()).setField(f.field())
                .setDeclaredValue(f.declared()).setOtherValue(f.observed()).setSource(source)
                .setSourceDetail(f.source() == null ? "" : f.source())
                .setSeverity(FindingSeverity.valueOf(f.severity().name())).setText(f.sentence()).build();
    }
}
