package org.originbridge.ccpit.domain;

import java.util.Objects;

/** What the issuing authority says about an application now (certificate fields once issued, reason when refused). */
public record AuthorityApplicationState(String applicationId, IssuanceStatus status, String certificateNumber,
        String serialNumber, String queryUrl, String verificationCode, String reason) {

    public AuthorityApplicationState {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(status, "status");
    }

    public static AuthorityApplicationState submitted(String applicationId, IssuanceStatus status) {
        return new AuthorityApplicationState(applicationId, status, null, null, null, null, null);
    }
}
