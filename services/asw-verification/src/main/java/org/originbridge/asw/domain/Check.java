package org.originbridge.asw.domain;

/** One of the three questions a verification answers, with why. */
public record Check(Status status, String reason) {

    public enum Status { VALID, INVALID, SKIPPED }

    public static Check skipped(String reason) {
        return new Check(Status.SKIPPED, reason);
    }
}
