package org.originbridge.status.adapter.mongo;

import java.time.Instant;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;
import org.originbridge.status.domain.DeclarationData;
import org.originbridge.status.domain.DeclarationProjection;
import org.originbridge.status.domain.IntakeRecord;
import org.originbridge.status.domain.IssuanceRecord;
import org.originbridge.status.domain.ProcessingFailure;
import org.originbridge.status.domain.VerificationRecord;

/** The shape of a document in the {@code declarations} collection (read through the driver's record codec). */
public record DeclarationDocument(
        @BsonId String id,
        String supplierId,
        String referenceNumber,
        String destinationCountry,
        IntakeRecord intake,
        DeclarationData declaration,
        VerificationRecord verification,
        IssuanceRecord issuance,
        List<IssuanceRecord.HistoryEntry> issuanceHistory,
        Instant updatedAt,
        ProcessingFailure failure) {

    DeclarationProjection toProjection() {
        return new DeclarationProjection(id, supplierId, referenceNumber, destinationCountry, intake, declaration,
                verification, issuance, issuanceHistory, updatedAt, failure);
    }
}
