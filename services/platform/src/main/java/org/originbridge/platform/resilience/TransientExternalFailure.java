package org.originbridge.platform.resilience;

/** An external call failed in a way that may succeed later (timeout, 5xx, 408, 429, connection refused). */
public class TransientExternalFailure extends RuntimeException {
    public TransientExternalFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
