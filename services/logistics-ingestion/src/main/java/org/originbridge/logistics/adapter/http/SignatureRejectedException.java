package org.originbridge.logistics.adapter.http;

/** A DCSA callback whose {@code Notification-Signature} is missing or wrong: 401, nothing read. */
public class SignatureRejectedException extends RuntimeException {
    public SignatureRejectedException(String message) {
        super(message);
    }
}
