package org.originbridge.ccpit.domain;

import java.util.Objects;

/** What CCPIT says about an application now (certificate fields once issued, reason when refused). */
public record CcpitApplicationState(String applicationId, IssuanceStatus status, String certificateNumber,
        String serialNumber, String queryUrl, String verificationCode, String reason) {

    public CcpitApplicationState {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(status, "status");
    }

    public static CcpitApplicationState submitted(String applicationId, IssuanceStatus status) {
        return new CcpitApplicationState(applicationId, status, null, null, null, null, null);
    }
}
