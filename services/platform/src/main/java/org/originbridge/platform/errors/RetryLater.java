package org.originbridge.platform.errors;

/**
 * Processing a record failed for a reason that passes (a dependency unavailable, a write race lost
 * too often): the platform's error handler retries the record with backoff until it succeeds and
 * never dead-letters it (see {@code FailureClassification}). Throw it, or a subclass, from a use
 * case or adapter when "try again later" is the right answer; bad data is
 * {@link InvalidRecordException} instead.
 */
public class RetryLater extends RuntimeException {

    public RetryLater(String message, Throwable cause) {
        super(message, cause);
    }
}
