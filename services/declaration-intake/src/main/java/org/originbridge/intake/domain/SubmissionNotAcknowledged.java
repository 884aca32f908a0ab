package org.originbridge.intake.domain;

/** The submission channel could not confirm that a declaration was durably published: nothing was accepted. */
public class SubmissionNotAcknowledged extends RuntimeException {

    public SubmissionNotAcknowledged(String message, Throwable cause) {
        super(message, cause);
    }
}
