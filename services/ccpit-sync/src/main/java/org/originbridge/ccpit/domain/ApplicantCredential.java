package org.originbridge.ccpit.domain;

import java.util.Objects;

/** An exporter's own CCPIT credential: the applicant id and its bearer token. */
public record ApplicantCredential(String applicantId, String token) {
    public ApplicantCredential {
        Objects.requireNonNull(applicantId, "applicantId");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "ApplicantCredential[" + applicantId + ", token=***]";
    }
}
