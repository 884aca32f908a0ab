package org.originbridge.ccpit.domain;

import java.util.Objects;

/**
 * An exporter's own CCPIT credential: the applicant id and either the static bearer token CCPIT
 * issued to it, or no token (null): the applicant's OAuth2 client credentials get one at CCPIT's
 * token endpoint for each call (the adapter's concern).
 */
public record ApplicantCredential(String applicantId, String token) {
    public ApplicantCredential {
        Objects.requireNonNull(applicantId, "applicantId");
    }

    /** The applicant's calls carry tokens from its own OAuth2 client credentials. */
    public static ApplicantCredential clientCredentials(String applicantId) {
        return new ApplicantCredential(applicantId, null);
    }

    public boolean hasStaticToken() {
        return token != null;
    }

    @Override
    public String toString() {
        return "ApplicantCredential[" + applicantId + (token == null ? ", client credentials]" : ", token=***]");
    }
}
