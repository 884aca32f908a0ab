package org.originbridge.status.adapter.kafka;

import org.originbridge.events.failures.DeclarationProcessingFailed;
import org.originbridge.platform.Topics;
import org.originbridge.platform.errors.InvalidRecordException;
import org.originbridge.status.domain.DeclarationFailures;
import org.originbridge.status.domain.ProcessingFailure;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Thin: a record about a declaration was dead-lettered somewhere; record the failure on its status. */
@Component
public class DeclarationFailureListener {

    private final DeclarationFailures failures;

    public DeclarationFailureListener(DeclarationFailures failures) {
        this.failures = failures;
    }

    @KafkaListener(topics = Topics.DECLARATION_FAILURES)
    void failed(DeclarationProcessingFailed event) {
        if (event.getDeclarationId() == null || event.getDeclarationId().isBlank()) {
            throw new InvalidRecordException("declarationId", "missing");
        }
        failures.failed(event.getDeclarationId(), ProcessingFailure.of(event.getService(), event.getSourceTopic(),
                event.getReason(), event.getFailedAt()));
    }
}
