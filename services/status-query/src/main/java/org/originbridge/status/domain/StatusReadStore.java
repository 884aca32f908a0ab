package org.originbridge.status.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Read port of the read model. */
public interface StatusReadStore {

    Optional<DeclarationProjection> findDeclaration(String declarationId);

    /** The most recently updated declaration with this reference number. */
    Optional<DeclarationProjection> findByReferenceNumber(String referenceNumber);

    Optional<DeclarationProjection> findByQrToken(String qrToken);

    /** Events carrying any of the given tagged references (see {@link References}). */
    List<LogisticsEvent> logisticsEvents(Collection<String> references);

    Optional<SupplierScore> score(String supplierId);

    /** The published signing key with this kid. */
    Optional<SigningKeyRecord> signingKey(String kid);

    /** Every published signing key. */
    List<SigningKeyRecord> signingKeys();

    /** Declarations whose importer party has this identifier, most recently updated first. */
    List<DeclarationProjection> addressedTo(String importerId, int limit);

    /** Declarations matching the filter, ordered by id, after {@code afterId} (exclusive) when given. */
    List<DeclarationProjection> list(DeclarationFilter filter, String afterId, int limit);
}
