package org.originbridge.ccpit.domain;

import java.util.Optional;

/** Port: the retrieved certificate documents, one per declaration (storing the same one again changes nothing). */
public interface CertificateDocuments {

    void store(String declarationId, CertificateDocument document);

    Optional<CertificateDocument> find(String declarationId);
}
