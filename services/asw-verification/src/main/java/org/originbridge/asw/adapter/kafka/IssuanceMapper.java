package org.originbridge.asw.adapter.kafka;

import org.originbridge.asw.domain.Issuance;
import org.originbridge.asw.domain.VerifyDeclaration;
import org.originbridge.events.ccpit.IssuanceStatus;
import org.originbridge.events.ccpit.IssuanceStatusChanged;
import org.originbridge.platform.errors.InvalidRecordException;

/**
 * {@link IssuanceStatusChanged} to the use case: ISSUED hands over the certificate (number, issuing
 * authority, document hash; an event without issuingAuthority is from CN-CCPIT), REVOKED revokes
 * the verification; every other status is not this service's business.
 */
public final class IssuanceMapper {

    private IssuanceMapper() {}

    public static void apply(String key, IssuanceStatusChanged status, VerifyDeclaration verify) {
        if (status.getStatus() != IssuanceStatus.ISSUED && status.getStatus() != IssuanceStatus.REVOKED) {
            return;
        }
        if (status.getDeclarationId() == null || status.getDeclarationId().isBlank()) {
            throw new InvalidRecordException("declarationId", "is required");
        }
        if (key != null && !key.equals(status.getDeclarationId())) {
            throw new InvalidRecordException("key", "must equal declarationId " + status.getDeclarationId() + " (was " + key + ")");
        }
        if (status.getStatus() == IssuanceStatus.ISSUED) {
            verify.issued(status.getDeclarationId(), new Issuance(status.getCertificateNumber(), status.getIssuingAuthority(),
                    status.getDocumentSha256()));
        } else {
            String authority = status.getIssuingAuthority() == null || status.getIssuingAuthority().isBlank()
                    ? Issuance.DEFAULT_AUTHORITY : status.getIssuingAuthority();
            verify.revoked(status.getDeclarationId(), authority, status.getReason());
        }
    }
}
