package org.originbridge.ccpit.domain;

import org.originbridge.platform.errors.RetryLater;

/**
 * Port: the CCPIT origin platform, always called under the applicant's own credentials.
 * Implementations retry transient failures and guard the system with a circuit breaker.
 */
public interface CcpitClient {

    /** Submits (idempotently: the same declaration gives the same application). */
    CcpitApplicationState submit(ApplicantCredential credential, EcoRequest request);

    CcpitApplicationState fetch(ApplicantCredential credential, String applicationId);

    /** CCPIT refused the request for good (a 4xx): retrying the same request cannot succeed. */
    class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * CCPIT is unreachable or failing now, retries included: try again later. A {@link RetryLater},
     * so a listener's record is retried until CCPIT is back, never dead-lettered.
     */
    class Unavailable extends RetryLater {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
