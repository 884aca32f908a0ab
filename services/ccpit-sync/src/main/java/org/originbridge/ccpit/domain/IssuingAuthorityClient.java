package org.originbridge.ccpit.domain;

import org.originbridge.platform.errors.RetryLater;

/**
 * Port: one issuing authority's e-CO platform (CCPIT for China, MOIT's eCoSys for Viet Nam, ...), always called
 * under the applicant's own credentials. Implementations retry transient failures and guard the system with a
 * circuit breaker; every submission carries an idempotency key (the declaration id), so a redelivery never files twice.
 */
public interface IssuingAuthorityClient {

    /** Submits (idempotently: the same declaration gives the same application). */
    AuthorityApplicationState submit(ApplicantCredential credential, EcoRequest request);

    AuthorityApplicationState fetch(ApplicantCredential credential, String applicationId);

    /** The issued certificate's document (PDF or XML) as the authority serves it. */
    CertificateDocument document(ApplicantCredential credential, String applicationId);

    /** The authority refused the request for good (a 4xx): retrying the same request cannot succeed. */
    class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * The authority is unreachable, failing or rate-limiting now, retries included: try again later. A
     * {@link RetryLater}, so a listener's record is retried until it is back, never dead-lettered.
     */
    class Unavailable extends RetryLater {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
