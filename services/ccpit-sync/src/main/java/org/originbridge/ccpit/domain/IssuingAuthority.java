package org.originbridge.ccpit.domain;

import java.util.Objects;

/**
 * One exporting Party's issuing authority: its id as published ({@code issuingAuthority} on the events, e.g.
 * CN-CCPIT, VN-MOIT), the Party it issues for, its client and the exporters' own credentials there.
 *
 * @param credentialsHint what to configure when an exporter has no credentials (named in the FAILED reason)
 */
public record IssuingAuthority(String id, String party, IssuingAuthorityClient client, ApplicantCredentials credentials,
        String credentialsHint) {

    public IssuingAuthority {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(credentialsHint, "credentialsHint");
    }
}
