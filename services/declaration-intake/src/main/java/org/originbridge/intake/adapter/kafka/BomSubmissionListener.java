package org.originbridge.intake.adapter.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.originbridge.events.intake.BomSubmitted;
import org.originbridge.intake.domain.BomFormat;
import org.originbridge.intake.domain.ErpImports;
import org.originbridge.platform.Topics;
import org.originbridge.platform.errors.InvalidRecordException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stores every bill of materials on bom-submissions (written by an exporter's ERP; the record's supplierId is its
 * tenant) with the same use case and readers as {@code POST /api/v1/boms}. A BOM that can never be read is
 * dead-lettered at once with every problem; a redelivered record (same submissionId) stores nothing new.
 */
@Component
class BomSubmissionListener {

    private final ErpImports imports;

    BomSubmissionListener(ErpImports imports) {
        this.imports = imports;
    }

    @KafkaListener(topics = Topics.BOM_SUBMISSIONS)
    void on(ConsumerRecord<String, Object> record) {
        if (!(record.value() instanceof BomSubmitted bom)) {
            throw new InvalidRecordException("value", "not a BomSubmitted record");
        }
        BomFormat format = switch (bom.getFormat()) {
            case GENERIC_CSV -> BomFormat.GENERIC_CSV;
            case SAP_CS12 -> BomFormat.SAP_CS12;
            default -> null;
        };
        if (imports.importBom(bom.getSupplierId(), bom.getMaterial(), format, bom.getCurrency(), bom.getContent(),
                bom.getSubmissionId()) instanceof ErpImports.Outcome.Refused refused) {
            throw InvalidRecordException.of(refused.errors());
        }
    }
}
